using Superposition.Onnx;
using Superposition.Onnx.Graph;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Pipeline;
using Superposition.Spectral.Tests.TestSupport;
using Superposition.Tests.Shared;

namespace Superposition.Spectral.Tests.Pipeline;

/// <summary>The model-level pipeline: order, selection, memory budget, failure isolation, BLAS threads.</summary>
public sealed class ModelAnalyzerTests
{
    private static OnnxModel Model(int layers, Func<int, float[]>? values = null)
    {
        var random = new Random(5);
        var builder = new ModelBuilder();
        for (int l = 0; l < layers; l++)
        {
            var data = values?.Invoke(l) ?? Enumerable.Range(0, 8 * 24).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            builder.Initializer(ModelBuilder.Float32($"w{l}", [8, 24], data)).Node("MatMul", $"mm{l}", [$"x{l}", $"w{l}"], [$"x{l + 1}"]);
        }

        return OnnxModelLoader.Load(builder.ToBytes(), "layers.onnx");
    }

    [Fact]
    public void Results_keep_model_order_and_do_not_depend_on_parallelism()
    {
        var model = Model(9);
        var serial = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default with { MaxParallelism = 1 }, Backends.Default);
        var parallel = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default with { MaxParallelism = 4 }, Backends.Default);
        Assert.Equal(Enumerable.Range(0, 9).Select(l => $"w{l}"), serial.Layers.Select(l => l.Name));
        Assert.Equal(serial.Layers.Select(l => l.Name), parallel.Layers.Select(l => l.Name));
        // Parallel layers run single-threaded BLAS, serial ones multi-threaded: sums are reordered, so results agree
        // to rounding (1e-12 relative), not bit for bit. The same settings do give identical bits (determinism test).
        for (int i = 0; i < 9; i++)
        {
            var a = serial.Layers[i].Analysis;
            var b = parallel.Layers[i].Analysis;
            for (int k = 0; k < a.Spectrum.Eigenvalues.Count; k++)
            {
                Assert.Equal(a.Spectrum.Eigenvalues[k], b.Spectrum.Eigenvalues[k], 1e-12 * a.Spectrum.LambdaMax);
            }

            Assert.Equal(a.Capacity.SumDimensionality, b.Capacity.SumDimensionality, 1e-12 * a.HiddenDimensions);
        }

        var again = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default with { MaxParallelism = 4 }, Backends.Default);
        Assert.Equal(parallel.Layers.SelectMany(l => l.Analysis.Spectrum.Eigenvalues), again.Layers.SelectMany(l => l.Analysis.Spectrum.Eigenvalues));
    }

    /// <summary>
    /// Layers at or above <see cref="ModelAnalysisOptions.SoloLayerFlops"/> run first and one at a time (each starts
    /// after the previous one finished), largest first; the rest follow in lanes; results keep the model's order.
    /// </summary>
    [Fact]
    public void Solo_layers_run_first_one_at_a_time_then_the_rest_share_the_cores()
    {
        var random = new Random(11);
        var builder = new ModelBuilder();
        long[][] shapes = [[8, 24], [48, 160], [8, 24], [64, 200], [8, 24], [8, 24]];
        for (var l = 0; l < shapes.Length; l++)
        {
            var data = Enumerable.Range(0, (int)(shapes[l][0] * shapes[l][1])).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            builder.Initializer(ModelBuilder.Float32($"w{l}", shapes[l], data)).Node("MatMul", $"mm{l}", [$"x{l}", $"w{l}"], [$"x{l + 1}"]);
        }

        var model = OnnxModelLoader.Load(builder.ToBytes(), "mixed.onnx");
        var byFlops = ModelAnalysisOptions.Default with { MaxParallelism = 4, SoloLayerFlops = 1e6 };

        // Either by their FLOPs or because their pair scan (over 100 features here) runs in float32.
        var byPrecision = ModelAnalysisOptions.Default with
        {
            MaxParallelism = 4,
            SoloLayerFlops = double.PositiveInfinity,
            Analysis = AnalysisOptions.Default with { Coherence = new CoherenceOptions { SinglePrecisionAbove = 100 } },
        };
        foreach (var options in new[] { byFlops, byPrecision })
        {
            SoloFirst(model, options, shapes.Length);
        }
    }

    private static void SoloFirst(OnnxModel model, ModelAnalysisOptions options, int layers)
    {
        Assert.True(LayerCost.Flops(64, 200, options.Analysis.Coherence) > 1e6 && LayerCost.Flops(48, 160, options.Analysis.Coherence) > 1e6);
        Assert.True(LayerCost.Flops(8, 24, options.Analysis.Coherence) < 1e6);
        var events = new Recorder();
        var result = ModelAnalyzer.Analyze(model, options, Backends.Default, events);

        Assert.Equal(Enumerable.Range(0, layers).Select(l => $"w{l}"), result.Layers.Select(l => l.Name));
        var first = events.Events.Take(4).Select(e => (e.Layer, e.Started)).ToArray();
        Assert.Equal([("w3", true), ("w3", false), ("w1", true), ("w1", false)], first);
        Assert.All(events.Events.Skip(4), e => Assert.NotEqual("w1", e.Layer));
        Assert.Equal(2 * layers, events.Events.Count);
    }

    private sealed class Recorder : IProgress<LayerProgress>
    {
        private readonly object _gate = new();

        public List<LayerProgress> Events { get; } = [];

        public void Report(LayerProgress value)
        {
            lock (_gate) Events.Add(value);
        }
    }

    [Fact]
    public void Blas_thread_count_is_restored_after_a_parallel_analysis()
    {
        if (Backends.Native is not IThreadedBackend threaded) return; // no native library: nothing to restore
        int before = threaded.Threads;
        ModelAnalyzer.Analyze(Model(4), ModelAnalysisOptions.Default with { MaxParallelism = 2 }, Backends.Native);
        Assert.Equal(before, threaded.Threads);
    }

    [Fact]
    public void Layer_over_the_memory_budget_is_failed_with_its_size_and_the_rest_go_on()
    {
        var model = Model(2);
        long oneLayer = ModelAnalyzer.EstimateBytes(model.Matrices[0]);
        var result = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default with { MemoryBudgetBytes = oneLayer - 1 }, Backends.Default);
        Assert.Empty(result.Layers);
        Assert.Equal(2, result.Failed.Count(f => f.Kind == ErrorKind.LayerTooLarge && f.Reason.Contains("memory budget", StringComparison.Ordinal)));
        Assert.True(result.IsPartial);
        Assert.DoesNotContain("--", result.Failed[0].Reason, StringComparison.Ordinal); // the library names no CLI flag

        var fits = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default with { MemoryBudgetBytes = oneLayer, MaxParallelism = 2 }, Backends.Default);
        Assert.Equal(2, fits.Layers.Count); // admitted one at a time
    }

    [Fact]
    public void A_failing_layer_is_reported_as_failed_and_the_others_are_analysed()
    {
        var model = Model(3, l => l == 1
            ? Enumerable.Repeat(float.NaN, 8 * 24).ToArray()
            : Enumerable.Range(0, 8 * 24).Select(i => (float)Math.Sin(i + l)).ToArray());
        var result = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default, Backends.Default);
        Assert.Equal(["w0", "w2"], result.Layers.Select(l => l.Name));
        var failed = Assert.Single(result.Failed);
        Assert.Equal("w1", failed.Name);
        Assert.NotEqual(ErrorKind.InvalidArgument, failed.Kind);
        Assert.Contains("finite", failed.Reason);
        Assert.DoesNotContain(result.Skipped, s => s.Name == "w1"); // failed, not "skipped"
        Assert.True(result.IsPartial);
    }

    [Fact]
    public void Layer_patterns_select_by_weight_or_node_name_case_insensitively()
    {
        var model = Model(12);
        var byWeight = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default with { LayerPatterns = ["W1?"] }, Backends.Default);
        Assert.Equal(["w10", "w11"], byWeight.Layers.Select(l => l.Name));
        var byNode = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default with { LayerPatterns = ["mm3", "MM5"] }, Backends.Default);
        Assert.Equal(["w3", "w5"], byNode.Layers.Select(l => l.Name));
        Assert.Empty(byNode.Skipped); // not-frame tensors are listed only when every layer is selected
        var error = Assert.Throws<SuperpositionException>(() => ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default with { LayerPatterns = ["nothing*"] }, Backends.Default));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }
}

/// <summary>Frames whose geometry is fixed by construction are measured but not graded or read as superposition.</summary>
public sealed class ByConstructionTests
{
    [Fact]
    public void Fixed_transform_basis_is_not_graded_and_depthwise_kernel_is_flagged()
    {
        var random = new Random(9);
        float[] Values(int count) => Enumerable.Range(0, count).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("stft.forward_basis_buffer", [64, 1, 48], Values(64 * 48))).Node("Conv", "stft", ["audio", "stft.forward_basis_buffer"], ["spec"])
            .Initializer(ModelBuilder.Float32("dw.weight", [40, 1, 3, 3], Values(360))).Node("Conv", "dw", ["spec", "dw.weight"], ["d"], ModelBuilder.Int("group", 40))
            .Initializer(ModelBuilder.Float32("fc.weight", [48, 96], Values(48 * 96))).Node("MatMul", "fc", ["d", "fc.weight"], ["y"])
            .ToBytes(), "audio.onnx");
        var layers = ModelAnalyzer.Analyze(model, ModelAnalysisOptions.Default, Backends.Default).Layers.ToDictionary(l => l.Tensor);

        var stft = layers["stft.forward_basis_buffer"];
        Assert.True(stft.ByConstruction);
        Assert.Contains(stft.Notes, n => n.Contains("fixed, non-learned", StringComparison.Ordinal));
        if (stft.Analysis.HeavyTail.PowerLaw.Succeeded) Assert.Equal("fixed transform", stft.Analysis.HeavyTail.Quality);

        Assert.True(layers["dw.weight"].ByConstruction);
        Assert.False(layers["fc.weight"].ByConstruction);
        Assert.Empty(layers["fc.weight"].Notes);
    }
}
