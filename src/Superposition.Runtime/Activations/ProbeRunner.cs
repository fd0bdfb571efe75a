using Superposition.Onnx;
using Superposition.Runtime.Probes;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;
using Superposition.Spectral.Probes;

namespace Superposition.Runtime.Activations;

/// <summary>Options of <see cref="ProbeRunner"/>.</summary>
public sealed record ProbeRunOptions
{
    /// <summary>Glob patterns (* and ?) on value names or producing ops. Empty (default): the inputs of every weight-reading node.</summary>
    public IReadOnlyList<string> TensorPatterns { get; init; } = [];

    /// <summary>Input samples to run (random inputs; in batches of 16 where the batch dimension is free). Default 64.</summary>
    public int Samples { get; init; } = 64;

    /// <summary>Seed of the random inputs. Default 20260121.</summary>
    public int Seed { get; init; } = ProbeOptions.Default.Seed;

    /// <summary>Given inputs instead of random ones (a .pb file or a folder of input_*.pb); null: random.</summary>
    public string? InputsPath { get; init; }

    /// <summary>Full shapes for named inputs (for models whose dynamic dimensions have constraints). Default none.</summary>
    public IReadOnlyDictionary<string, long[]> InputShapes { get; init; } = new Dictionary<string, long[]>();

    /// <summary>At most this many tensors are probed (those whose reader shares their space first); the rest are listed as skipped. Default 64.</summary>
    public int MaxTensors { get; init; } = 64;
}

/// <summary>Runs a model in ONNX Runtime with chosen intermediate values exposed and measures each of them.</summary>
public static class ProbeRunner
{
    public static ProbeReport Run(string modelPath, ProbeRunOptions options, ILinearAlgebraBackend backend, IProgress<(int Done, int Total, string Name)>? progress = null)
    {
        if (options.Samples < 1) throw Fail.InvalidArgument("probe samples", options.Samples, "at least 1");
        var model = OnnxModelLoader.Load(modelPath);
        var candidates = ActivationProbe.Candidates(modelPath).ToDictionary(c => c.Name, c => c.OpType, StringComparer.Ordinal);
        // Values that weight-reading nodes multiply, those whose reader's frame shares their space first (MatMul, Gemm,
        // 1×1 Conv): there the overlap with the frame's eigenspaces is defined.
        var readers = model.Matrices.Where(m => m.Use is { GraphPath.Length: 0 } && m.ActivationInput is not null).ToList();
        var readInputs = readers.OrderBy(m => SharesSpace(m) ? 0 : 1).Select(m => m.ActivationInput!).Distinct().ToList();
        var featureAxes = readers.Where(m => m.Op.Contains("Conv", StringComparison.Ordinal))
            .GroupBy(m => m.ActivationInput!).ToDictionary(g => g.Key, _ => 1, StringComparer.Ordinal);
        List<string> chosen;
        var notes = new List<string>();
        if (options.TensorPatterns.Count == 0 && readInputs.Count > 0)
        {
            chosen = readInputs;
        }
        else if (options.TensorPatterns.Count == 0)
        {
            // Every weight sits inside a subgraph (If/Loop bodies cannot be exposed): probe what the main graph computes.
            chosen = [.. candidates.Keys];
            notes.Add("no weight-reading node in the main graph (weights inside If/Loop bodies); probed every main-graph value instead");
        }
        else
        {
            var patterns = options.TensorPatterns;
            chosen = candidates.Keys.Concat(readInputs).Distinct()
                .Where(name => patterns.Any(p => LayerSelection.IsMatch(p, name) || (candidates.TryGetValue(name, out var op) && LayerSelection.IsMatch(p, op)))).ToList();
            if (chosen.Count == 0) throw Fail.InvalidArgument("probe tensor patterns", string.Join(",", options.TensorPatterns), "a pattern matching at least one value of the main graph");
        }

        var skipped = notes;
        skipped.AddRange(chosen.Skip(options.MaxTensors).Select(n => $"{n}: over the limit of {options.MaxTensors} tensors per probe (choose them with tensor patterns)"));
        chosen = chosen.Take(options.MaxTensors).ToList();
        if (chosen.Count == 0)
        {
            return new ProbeReport(modelPath, Runtime(), backend.Name, "none", options.Seed, [], ["the main graph has no weight-reading node to probe (values inside If/Loop bodies cannot be exposed); name values with tensor patterns"]);
        }

        var probeOptions = ProbeOptions.Default with
        {
            Samples = options.Samples, // the probe counts them on the first input as it builds each batch
            BatchSize = Math.Min(16, options.Samples),
            Seed = options.Seed,
            FeatureAxes = featureAxes, // NCHW: a Conv reads its input's channels on axis 1
            InputShapes = options.InputShapes,
        };
        var matrices = options.InputsPath is { } inputs
            ? ActivationProbe.Run(modelPath, chosen, ProbeInputs.Load(inputs), probeOptions)
            : ActivationProbe.Run(modelPath, chosen, probeOptions);
        var tensors = new List<TensorProbe>();
        for (int i = 0; i < matrices.Count; i++)
        {
            var activation = matrices[i];
            string producer = candidates.GetValueOrDefault(activation.Name) ?? "graph input";
            if (activation.Rows < 2)
            {
                skipped.Add($"{activation.Name}: only {activation.Rows} sample(s); a covariance needs two or more");
                continue;
            }

            tensors.Add(ActivationAnalyzer.Analyze(activation, producer, ActivationAnalyzer.ReadersOf(model, activation.Name), backend));
            progress?.Report((i + 1, matrices.Count, activation.Name));
        }

        string source = options.InputsPath ?? $"random (seed {options.Seed}, {options.Samples} samples)";
        return new ProbeReport(modelPath, Runtime(), backend.Name, source, options.Seed, tensors, skipped);
    }

    /// <summary>Linear layers, and convolutions with 1 × 1 kernels, read a frame in the same space as their input's features.</summary>
    private static bool SharesSpace(Onnx.Orientation.WeightMatrix reader) =>
        reader.Op is "MatMul" or "Gemm" or "Einsum" or "MatMulInteger" or "QLinearMatMul"
        || (reader.Op.Contains("Conv", StringComparison.Ordinal) && reader.Tensor.Dims.Skip(2).All(d => d == 1));

    private static string Runtime()
    {
        var (source, version) = OrtSession.RuntimeInfo();
        return $"ONNX Runtime {version} ({source})";
    }
}
