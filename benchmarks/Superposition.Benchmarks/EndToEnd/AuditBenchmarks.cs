using BenchmarkDotNet.Attributes;
using Superposition.Onnx;
using Superposition.Onnx.Graph;
using Superposition.Reports.Audit;
using Superposition.Reports.Pdf;
using Superposition.Runtime.Activations;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;

namespace Superposition.Benchmarks.EndToEnd;

/// <summary>
/// The main job on the bundled recognizer, phase by phase, in one run: loading, analysing every layer (native
/// LAPACK), building and rendering the PDF report, and probing activations in ONNX Runtime. The report's share
/// of the audit is Report / (Load + Analyze + Report); probe throughput is 64 samples / Probe.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AuditBenchmarks
{
    private OnnxModel _model = null!;
    private ModelAnalysis _analysis = null!;
    private ILinearAlgebraBackend _backend = null!;
    private ModelAnalysisOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _backend = LinearAlgebraBackends.Create(BackendChoice.Native);
        _options = ModelAnalysisOptions.Default with { Analysis = AnalysisOptionsForReport() };
        _model = OnnxModelLoader.Load(BenchmarkPaths.Recognizer);
        _analysis = ModelAnalyzer.Analyze(_model, _options, _backend);
    }

    [Benchmark(Description = "load recognizer")]
    public int Load() => OnnxModelLoader.Load(BenchmarkPaths.Recognizer).Matrices.Count;

    [Benchmark(Baseline = true, Description = "analyze 47 layers (native)")]
    public int Analyze() => ModelAnalyzer.Analyze(_model, _options, _backend).Layers.Count;

    [Benchmark(Description = "build + render PDF report")]
    public long Report()
    {
        var input = new AuditInput(new RunInfo("bench", "superposition audit", DateTimeOffset.UnixEpoch), _analysis, null);
        using var stream = new MemoryStream();
        new PdfReportRenderer().Render(AuditReportBuilder.Build(input), stream);
        return stream.Length;
    }

    [Benchmark(Description = "probe 64 samples (ONNX Runtime)")]
    public int Probe() => ProbeRunner.Run(BenchmarkPaths.Recognizer, new ProbeRunOptions(), _backend).Tensors.Count;

    private static Spectral.Measures.AnalysisOptions AnalysisOptionsForReport() =>
        Spectral.Measures.AnalysisOptions.Default with { PerFeature = true, MeasureMapFeatures = 200 };
}
