using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Superposition.Onnx;
using Superposition.Onnx.Orientation;
using Superposition.Spectral.Measures;
using Superposition.Spectral.HeavyTail;
using Superposition.Spectral.Tests.TestSupport;
using Superposition.Tests.Shared;

namespace Superposition.Spectral.Tests.HeavyTail;

/// <summary>
/// α on every layer of the bundled models against tests/reference/ww_alpha.py: WeightWatcher 0.7.5.5's x_min rule written
/// independently in numpy, with numpy's own SVD of the same frame (so the eigenvalues are checked too); for conv kernels
/// also WeightWatcher's sliced view (ConvSliceSpectrum) against the same script slicing the raw kernel itself.
/// </summary>
public sealed class WeightWatcherAlphaReferenceTests
{
    /// <summary>Relative agreement of α (eigenvalues agree to ~1e-13; the fit itself is the same arithmetic).</summary>
    private const double Tolerance = 1e-6;

    [RequiresPythonNumpyFact]
    public void Alpha_matches_the_numpy_weightwatcher_rule_on_every_layer_of_the_bundled_models()
    {
        string folder = RepoPaths.NewTempFolder();
        var ours = new Dictionary<string, PowerLawFit>();
        var manifest = new List<object>();
        var options = AnalysisOptions.Default with
        {
            HeavyTail = AnalysisOptions.Default.HeavyTail with { ShuffleNull = false },
            Coherence = AnalysisOptions.Default.Coherence with { ExactFeatureLimit = 2, SampleSize = 1 },
            GroupingSensitivity = false,
        };
        foreach (var path in new[] { RepoPaths.Recognizer, RepoPaths.SileroVad, RepoPaths.WakeWordHead })
        {
            var model = OnnxModelLoader.Load(path);
            foreach (var matrix in model.Matrices)
            {
                var frame = matrix.Orient(OrientationChoice.Auto);
                var weights = matrix.ReadFrame(frame.FeatureAxis);
                string name = $"{Path.GetFileName(path)}:{matrix.Name}";
                string file = $"w{manifest.Count}.f64";
                using (var stream = File.Create(Path.Combine(folder, file)))
                {
                    stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan()));
                }

                manifest.Add(new { name, m = frame.Hidden, n = frame.Features, file });
                var analysis = FrameAnalyzer.Analyze(new FrameInput(name, frame.Hidden, frame.Features, weights), options, Backends.Default);
                ours[name] = analysis.HeavyTail.PowerLaw;
                if (ConvSliceSpectrum.Applies(matrix))
                {
                    // WeightWatcher's own conv view too: kh·kw slices [out, in], × sqrt(1/2), eigenvalues pooled.
                    string kernelFile = $"k{manifest.Count}.f64";
                    var rows = matrix.ReadFrame(FeatureAxis.Rows); // filter-major: row-major [out, in, taps]
                    using (var stream = File.Create(Path.Combine(folder, kernelFile)))
                    {
                        stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(rows.AsSpan()));
                    }

                    var slices = ConvSliceSpectrum.Compute(matrix, options.HeavyTail, Backends.Default);
                    manifest.Add(new { name = name + ":slices", dims = matrix.Tensor.Dims, norm = slices.NormFactor, file = kernelFile });
                    ours[name + ":slices"] = slices.PowerLaw;
                }
            }
        }

        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest));
        using var reference = JsonDocument.Parse(RunReference(folder));
        // 47 + 26 + 3 weight matrices (Silero's two [1, 128, 1] decoder kernels are unit-axis vectors, not frames), and
        // WeightWatcher's sliced view of every conv kernel among them.
        Assert.True(ours.Count(o => !o.Key.EndsWith(":slices", StringComparison.Ordinal)) == 76, $"{ours.Count} entries");
        Assert.Contains(ours.Keys, k => k.EndsWith(":slices", StringComparison.Ordinal));
        foreach (var (name, fit) in ours)
        {
            var expected = reference.RootElement.GetProperty(name);
            if (expected.TryGetProperty("error", out var error))
            {
                Assert.False(fit.Succeeded, $"{name}: reference failed ({error.GetString()}), ours gave α = {fit.Alpha}");
                continue;
            }

            Assert.True(fit.Succeeded, $"{name}: {fit.Reason}");
            double alpha = expected.GetProperty("alpha").GetDouble();
            Assert.True(Math.Abs(fit.Alpha!.Value - alpha) <= Tolerance * alpha, $"{name}: α {fit.Alpha} vs numpy {alpha}");
            Assert.Equal(expected.GetProperty("tail").GetInt32(), fit.TailSize);
            Assert.Equal(expected.GetProperty("xmin").GetDouble(), fit.XMin!.Value, 1e-9 * fit.XMin.Value);
            Assert.Equal(fit.TailSize < AnalysisOptions.Default.HeavyTail.LowConfidenceTail, fit.LowConfidence);
        }
    }

    private static string RunReference(string folder)
    {
        string script = Path.Combine(RepoPaths.Root, "tests", "reference", "ww_alpha.py");
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(folder);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture, $"ww_alpha.py exited {process.ExitCode}: {error}"));
        return output.Result;
    }
}
