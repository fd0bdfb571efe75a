using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Superposition.Onnx;
using Superposition.Onnx.Orientation;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Frames;
using Superposition.Spectral.Geometry;
using Superposition.Spectral.HeavyTail;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Benchmarks.Scale;

/// <summary>
/// Per-phase profile of the streaming engine on a layer set (<c>scale-profile MODEL OUT.md [LAYER ...]</c>): for each
/// layer, in one process and one after the other, the GEMM peak (dgemm and sgemm 2048³, best of 3) measured just
/// before it, every phase of the analysis with its wall time, peak resident memory (VmHWM, reset before each phase)
/// and FLOP floor (its FLOPs ÷ that peak), then the numpy reference (benchmarks/reference/frame_metrics.py) on the
/// same layer in a child process, so that the machine's load hits both alike. Whole seconds, not a BenchmarkDotNet
/// run: one layer of the 7B set takes minutes.
/// </summary>
internal static class PhaseProfile
{
    private sealed record Phase(string Name, double Seconds, double PeakMb, double DoubleFlops, double SingleFlops);

    public static int Run(string[] args)
    {
        var model = OnnxModelLoader.Load(Path.GetFullPath(args[0]));
        var output = args[1];
        var only = args.Skip(2).ToHashSet();
        var backend = LinearAlgebraBackends.Create(BackendChoice.Native);
        var options = AnalysisOptions.Default;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| layer | n × m | phase | wall s | peak RSS MB | GFLOP (f64 + f32) | GEMM floor s | × floor |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        var summary = new StringBuilder();
        summary.AppendLine("| layer | n × m | ours s | floor s | × floor | ours peak RSS MB | numpy s | numpy peak RSS MB | numpy ÷ ours | identity residual | dgemm / sgemm GFLOP/s |");
        summary.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        // Smallest first: the table file is rewritten after every layer, so a long run leaves its finished rows.
        foreach (var matrix in model.Matrices.Where(m => only.Count == 0 || only.Contains(m.Name)).OrderBy(m => m.ParameterCount))
        {
            var (dPeak, sPeak) = GemmPeak(backend);
            var (phases, residual) = Profile(matrix, options, backend);
            var frame = matrix.Orient(OrientationChoice.Auto);
            string shape = $"{frame.Features} × {frame.Hidden}";
            double floorTotal = 0, total = 0, peak = 0;
            foreach (var p in phases)
            {
                double floor = (p.DoubleFlops / dPeak) + (p.SingleFlops / sPeak);
                floorTotal += floor;
                total += p.Seconds;
                peak = Math.Max(peak, p.PeakMb);
                text.AppendLine(Invariant($"| {matrix.Name} | {shape} | {p.Name} | {p.Seconds:0.00} | {p.PeakMb:0} | {(p.DoubleFlops + p.SingleFlops) / 1e9:0.0} | {floor:0.00} | {(floor > 0 ? p.Seconds / floor : double.NaN):0.0} |"));
            }

            var (numpySeconds, numpyRss) = Numpy(model.Path, matrix.Tensor.Name);
            summary.AppendLine(Invariant($"| {matrix.Name} | {shape} | {total:0.0} | {floorTotal:0.0} | {total / floorTotal:0.00} | {peak:0} | {numpySeconds:0.0} | {numpyRss:0} | {numpySeconds / total:0.00} | {residual:0.0e0} | {dPeak / 1e9:0} / {sPeak / 1e9:0} |"));
            File.WriteAllText(output, summary + "\n" + text);
            Console.WriteLine(summary.ToString().Split('\n')[^2]);
        }

        return 0;
    }

    private static (List<Phase> Phases, double Residual) Profile(WeightMatrix matrix, AnalysisOptions options, ILinearAlgebraBackend backend)
    {
        var phases = new List<Phase>();
        var orientation = matrix.Orient(OrientationChoice.Auto);
        double n = orientation.Features, m = orientation.Hidden;
        T Time<T>(string name, double doubleFlops, double singleFlops, Func<T> work)
        {
            GC.Collect();
            ResetPeak();
            var clock = Stopwatch.StartNew();
            var result = work();
            phases.Add(new Phase(name, clock.Elapsed.TotalSeconds, PeakMb(), doubleFlops, singleFlops));
            return result;
        }

        var weights = Time("read + decode (fp16 → f64, block by block)", 0, 0, () => matrix.ReadFrameInBlocks(orientation.FeatureAxis, options.FeatureBlockSize));
        var input = new FrameInput(matrix.Name, orientation.Hidden, orientation.Features, weights);
        var frame = Time("live features, norms", 0, 0, () => LiveFrame.From(input, options.DeadFeatureNormSquared));
        var spectrum = Time("F = W Wᵀ (Syrk) + eigendecomposition", (n * m * m) + (9 * m * m * m), 0, () => FrameSpectrum.Compute(backend, frame, options));
        var whitened = Leverage.FoldableGram(backend, frame, spectrum, options.FeatureBlockSize);
        double r = spectrum.Rank;
        var measures = Time(whitened is null ? "projections Uᵀ W: κ, q, H, PR, bins" : "projections Uᵀ W: κ, q, H, PR, bins; leverage pass 1 (Syrk of Λ^(−1/2) Uᵀ W)",
            (2 * n * m * m) + (whitened is null ? 0 : n * r * r), 0,
            () => FeatureMeasures.Compute(backend, frame, spectrum, options.SpectralBins, options.FeatureBlockSize, options.MeasureMapFeatures, whitened));
        var onePass = whitened is not null && whitened.DeviationFromIdentity() <= LeverageEigenbasis.OnePassTolerance;
        var (leverage, method) = Time("leverage", 0, 0, () => Leverage.Compute(backend, frame, spectrum, options.FeatureBlockSize, whitened));
        var leverageFlops = method == Leverage.EigenbasisMethod ? (onePass ? 0 : (2 * n * m * r) + (n * r * r))
            : method == Leverage.CholeskyQr2Method ? 5 * n * m * m
            : 3 * n * m * m;
        var route = method == Leverage.EigenbasisMethod ? (onePass ? "eigenbasis of F whitened, one pass (‖YYᵀ − I‖_F ≤ 1e-11)" : "eigenbasis of F whitened, refined by one Cholesky pass")
            : method.Split(':')[0].Split('(')[0].Trim();
        phases[^1] = phases[^1] with { Name = "leverage: " + route, DoubleFlops = leverageFlops };
        bool single = n > options.Coherence.SinglePrecisionAbove;
        double pairFlops = n * (n - 1) * m;
        Time("coherence (Ŵ Ŵᵀ Syrk + exact pair scan)", (n * m * m) + (single ? 0 : pairFlops), single ? pairFlops : 0,
            () => PairwiseCoherence.Compute(backend, frame, options.Coherence));
        var noNull = options.HeavyTail with { ShuffleNull = false };
        Time("heavy-tail fits (power law, MP)", 0, 0, () => EsdStatistics.Compute(backend, input, spectrum.Eigenvalues, spectrum.Rank, noNull));
        var lambdas = spectrum.Eigenvalues.Take((int)Math.Min(n, m)).ToArray();
        var nullFlops = (n * m * m) + (4.0 / 3 * m * m * m);
        var singleNull = Math.Min(n, m) > options.HeavyTail.NullSinglePrecisionAbove;
        Time(singleNull ? "shuffle null (streamed gather + float32 Syrk + eigenvalues)" : "shuffle null (streamed gather + Syrk + eigenvalues)", singleNull ? 0 : nullFlops, singleNull ? nullFlops : 0,
            () => ShuffleNull.Compute(backend, input, lambdas, options.HeavyTail.ShuffleSeed, options.HeavyTail.MarchenkoPasturFit, options.HeavyTail.NullSinglePrecisionAbove));
        Time("localized clusters", 0, 0, () => LocalizedClusters.Compute(backend, frame, spectrum, measures, options));
        var capacity = ResultBuilder.Capacity(frame, spectrum, FeatureQuantities.From(frame, measures, leverage), method);
        return (phases, capacity.IdentityResidual);
    }

    private static (double Double, double Single) GemmPeak(ILinearAlgebraBackend backend)
    {
        const int N = 2048;
        var random = new Random(1);
        var ad = Enumerable.Range(0, N * N).Select(_ => random.NextDouble()).ToArray();
        var cd = new double[N * N];
        var af = ad.Select(v => (float)v).ToArray();
        var cf = new float[N * N];
        double bestD = double.MaxValue, bestS = double.MaxValue;
        for (int r = 0; r < 3; r++)
        {
            var clock = Stopwatch.StartNew();
            backend.Gemm(false, false, N, N, N, ad, ad, cd);
            bestD = Math.Min(bestD, clock.Elapsed.TotalSeconds);
            clock.Restart();
            backend.Gemm(false, false, N, N, N, af, af, cf);
            bestS = Math.Min(bestS, clock.Elapsed.TotalSeconds);
        }

        double flops = 2.0 * N * N * N;
        return (flops / bestD, flops / bestS);
    }

    private static (double Seconds, double RssMb) Numpy(string model, string tensor)
    {
        var script = Path.Combine(BenchmarkPaths.Root, "benchmarks", "reference", "frame_metrics.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        foreach (var a in new[] { script, model, "--layer", tensor }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        process.WaitForExit();
        using var json = JsonDocument.Parse(line);
        return (json.RootElement.GetProperty("seconds").GetProperty("total").GetDouble(), json.RootElement.GetProperty("maxrss_mb").GetDouble());
    }

    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Without clear_refs the peak is the process's since start: still an upper bound.
        }
    }

    private static double PeakMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
