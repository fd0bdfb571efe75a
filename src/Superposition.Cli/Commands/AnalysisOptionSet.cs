using System.CommandLine;
using Superposition.Runtime.Activations;
using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;
using Superposition.Spectral.Probes;

namespace Superposition.Cli.Commands;

/// <summary>The options every analysing verb (analyze, compare, audit) shares, read into <see cref="ModelAnalysisOptions"/>.</summary>
internal sealed partial class AnalysisOptionSet
{
    private readonly Option<string[]> _layers = new("--layers")
    {
        HelpName = "PATTERN",
        Description = "Only layers whose weight or node name matches one of these glob patterns (* and ?, case-insensitive; comma-separated or repeated).",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<BackendChoice> _backend = new("--backend")
    {
        Description = "Linear algebra: auto (LAPACK if it loads, else managed), native (LAPACK/OpenBLAS), managed (MathNet).",
        DefaultValueFactory = _ => BackendChoice.Auto,
    };

    private readonly Option<Onnx.Orientation.OrientationChoice> _orientation = CommonOptions.Orientation();

    private readonly Option<int?> _memoryBudget = new("--memory-budget")
    {
        HelpName = "MiB",
        Description = "MiB that layers analysed at the same time may use together (default: 60% of available memory). A larger layer is reported as failed with its reason (exit code 11).",
    };

    private readonly Option<double?> _eigenspaceTolerance = new("--eigenspace-tolerance")
    {
        HelpName = "SHARE",
        Description = "Group eigenvalues within this share of λ_max into one eigenspace; implies --eigenspace-grouping fixed unless that is given (default 1e-4: with gap grouping, differences this small always merge).",
    };

    private readonly Option<string?> _eigenspaceGrouping = new("--eigenspace-grouping")
    {
        HelpName = "gaps|fixed",
        Description = "gaps (default): eigenspaces from relative gaps in the sorted spectrum; fixed: one tolerance times λ_max (--eigenspace-tolerance).",
    };

    private readonly Option<string?> _xminRule = new("--xmin-rule")
    {
        HelpName = "weightwatcher|minimum-tail",
        Description = "Candidate x_min of the power-law fit: weightwatcher (default, WeightWatcher 0.7.5.5: every eigenvalue but the largest) or minimum-tail (tails of at least --min-tail).",
    };

    private readonly Option<bool> _convSlices = new("--conv-slices")
    {
        Description = "Also fit α on conv kernels as WeightWatcher does: kh·kw slices [out, in] scaled by sqrt(1/2), eigenvalues pooled (beside our flattened frame).",
    };

    private readonly Option<int?> _minTail = new("--min-tail")
    {
        HelpName = "N",
        Description = "With --xmin-rule minimum-tail: the shortest tail a fit may use (default 10).",
    };

    private readonly Option<double?> _cosineTolerance = new("--cosine-tolerance")
    {
        HelpName = "TOL",
        Description = "Tolerance on cosines when matching localized clusters to polytopes (default 0.02).",
    };

    private readonly Option<bool> _probe = new("--probe")
    {
        Description = "Also run the model in ONNX Runtime on random inputs and measure the activations each layer reads (see 'probe').",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_probe);
        command.Options.Add(_eigenspaceTolerance);
        command.Options.Add(_eigenspaceGrouping);
        command.Options.Add(_xminRule);
        command.Options.Add(_minTail);
        command.Options.Add(_convSlices);
        command.Options.Add(_cosineTolerance);
        command.Options.Add(_layers);
        command.Options.Add(_backend);
        command.Options.Add(_orientation);
        command.Options.Add(_memoryBudget);
    }

    /// <summary>Runs the activation probe when <c>--probe</c> was given, else null.</summary>
    public ProbeReport? Probe(ParseResult parse, CliContext context, string modelPath, ILinearAlgebraBackend backend)
    {
        if (!parse.GetValue(_probe)) return null;
        context.Status($"probing activations of {Path.GetFileName(modelPath)} in ONNX Runtime ...");
        return ProbeRunner.Run(modelPath, new ProbeRunOptions(), backend);
    }

    /// <summary>Whether <c>--probe</c> was given (for verbs that cannot honour it and must say so).</summary>
    public bool ProbeRequested(ParseResult parse) => parse.GetValue(_probe);

    public ILinearAlgebraBackend Backend(ParseResult parse) => LinearAlgebraBackends.Create(parse.GetValue(_backend));

    public ModelAnalysisOptions Read(ParseResult parse, bool perFeature = false)
    {
        var options = ModelAnalysisOptions.Default with
        {
            Orientation = parse.GetValue(_orientation),
            LayerPatterns = (parse.GetValue(_layers) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
        };
        options = options with { Analysis = options.Analysis with { PerFeature = perFeature } };
        if (parse.GetValue(_eigenspaceTolerance) is double eigen)
        {
            if (!(eigen > 0 && eigen < 1)) throw Fail.InvalidArgument("--eigenspace-tolerance", eigen, "a share of λ_max in (0, 1)");
            options = options with { Analysis = options.Analysis with { EigenspaceTolerance = eigen, Grouping = EigenspaceGrouping.Fixed } };
        }

        options = options with { Analysis = ReadSpectralDepth(parse, options.Analysis) };
        if (parse.GetValue(_cosineTolerance) is double cosine)
        {
            if (!(cosine > 0 && cosine < 1)) throw Fail.InvalidArgument("--cosine-tolerance", cosine, "a tolerance in (0, 1)");
            options = options with { Analysis = options.Analysis with { Polytopes = options.Analysis.Polytopes with { CosineTolerance = cosine } } };
        }
        if (parse.GetValue(_memoryBudget) is int mib)
        {
            if (mib <= 0) throw Fail.InvalidArgument("--memory-budget", mib, "a positive number of MiB");
            options = options with { MemoryBudgetBytes = mib * 1024L * 1024L };
        }

        return options;
    }
}
