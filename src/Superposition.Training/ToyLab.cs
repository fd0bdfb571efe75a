using Superposition.Training.Dynamics;
using Superposition.Training.Export;
using Superposition.Training.Mimo;
using Superposition.Training.Sweep;
using Superposition.Training.Tms;

namespace Superposition.Training;

/// <summary>
/// Entry points for the CLI (<c>superposition toy train|sweep|dynamics|mimo ... --out DIR</c>): each takes an
/// option record, returns a result record, and when <c>outDir</c> is given writes its files there.
/// Every run is seeded and deterministic; progress goes to the optional <see cref="IProgress{T}"/>.
/// IO failures surface as <see cref="SuperpositionException"/> (OutputFailed), bad options as InvalidArgument.
/// </summary>
public static class ToyLab
{
    /// <summary>Trains and, with <paramref name="outDir"/>, writes one ONNX model + JSON per instance and <c>summary.md</c>.</summary>
    public static TmsRunResult Train(TmsOptions options, string? outDir = null, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = TmsTrainer.Train(options, progress, cancellationToken);
        if (outDir is not null)
        {
            TmsRunWriter.Write(run, outDir);
            ToyFiles.WriteText(Path.Combine(outDir, "summary.md"), SparsitySweep.Table(SparsitySweep.FromRun(run)));
        }

        return run;
    }

    /// <summary>
    /// Sparsity sweep: trains, computes phase-diagram rows, and with <paramref name="outDir"/> writes the models,
    /// <c>sweep.md</c>, <c>features.csv</c> and <c>dimensionality_histogram.txt</c>.
    /// </summary>
    public static SweepResult Sweep(TmsOptions options, string? outDir = null, double representedThreshold = 0.5, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = TmsTrainer.Train(options, progress, cancellationToken);
        var sweep = SparsitySweep.FromRun(run, representedThreshold);
        if (outDir is not null)
        {
            TmsRunWriter.Write(run, outDir);
            WriteSweepTables(sweep, outDir);
        }

        return sweep;
    }

    /// <summary>Teacher–student dynamics; with <paramref name="outDir"/> writes <c>dynamics.md</c> and <c>dynamics_curves.csv</c> (the JSON document is <see cref="DynamicsReport.Document"/>).</summary>
    public static DynamicsResult Dynamics(DynamicsOptions options, string? outDir = null, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = TeacherStudent.Run(options, progress, cancellationToken);
        if (outDir is not null)
        {
            ToyFiles.EnsureDirectory(outDir);
            ToyFiles.WriteText(Path.Combine(outDir, "dynamics.md"), DynamicsReport.Table(result));
            ToyFiles.WriteText(Path.Combine(outDir, "dynamics_curves.csv"), DynamicsReport.CurvesCsv(result));
        }

        return result;
    }

    /// <summary>Computation in superposition; with <paramref name="outDir"/> writes <c>mimo.md</c>.</summary>
    public static MimoResult Mimo(MimoOptions options, string? outDir = null, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = MimoTrainer.Run(options, progress, cancellationToken);
        if (outDir is not null)
        {
            ToyFiles.EnsureDirectory(outDir);
            ToyFiles.WriteText(Path.Combine(outDir, "mimo.md"), MimoReport.Table(result));
        }

        return result;
    }

    /// <summary>
    /// Regenerates the committed samples under <paramref name="samplesDir"/> (e.g. <c>samples/toy</c>) with default
    /// settings: the 200-20 sweep tables and D_i histogram (no model files), the dynamics and MIMO tables.
    /// </summary>
    public static void WriteSamples(string samplesDir, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var sweep = Sweep(TmsPresets.TwoHundredTwenty(), null, 0.5, progress, cancellationToken);
        ToyFiles.EnsureDirectory(samplesDir);
        WriteSweepTables(sweep, samplesDir, "200-20_seed0_");
        Dynamics(new DynamicsOptions(), samplesDir, progress, cancellationToken);
        Mimo(new MimoOptions(), samplesDir, progress, cancellationToken);
    }

    private static void WriteSweepTables(SweepResult sweep, string outDir, string prefix = "")
    {
        ToyFiles.EnsureDirectory(outDir);
        ToyFiles.WriteText(Path.Combine(outDir, prefix + "sweep.md"), SparsitySweep.Table(sweep));
        ToyFiles.WriteText(Path.Combine(outDir, prefix + "features.csv"), SparsitySweep.FeatureCsv(sweep));
        ToyFiles.WriteText(Path.Combine(outDir, prefix + "dimensionality_histogram.txt"), SparsitySweep.DimensionalityHistogram(sweep));
    }
}
