using System.CommandLine;
using Superposition.Spectral.Measures;

namespace Superposition.Cli.Commands;

/// <summary>The grouping and WeightWatcher-parity options (--eigenspace-grouping, --xmin-rule, --min-tail).</summary>
internal sealed partial class AnalysisOptionSet
{
    private AnalysisOptions ReadSpectralDepth(ParseResult parse, AnalysisOptions analysis)
    {
        if (parse.GetValue(_eigenspaceGrouping) is string grouping)
        {
            analysis = analysis with
            {
                Grouping = grouping.ToLowerInvariant() switch
                {
                    "gaps" => EigenspaceGrouping.Gaps,
                    "fixed" => EigenspaceGrouping.Fixed,
                    _ => throw Fail.InvalidArgument("--eigenspace-grouping", grouping, "gaps or fixed"),
                },
            };
        }

        if (parse.GetValue(_xminRule) is string rule)
        {
            analysis = analysis with
            {
                HeavyTail = analysis.HeavyTail with
                {
                    XMinRule = rule.ToLowerInvariant() switch
                    {
                        "weightwatcher" => XMinRule.WeightWatcher,
                        "minimum-tail" => XMinRule.MinimumTail,
                        _ => throw Fail.InvalidArgument("--xmin-rule", rule, "weightwatcher or minimum-tail"),
                    },
                },
            };
        }

        if (parse.GetValue(_minTail) is int tail)
        {
            if (tail < 2) throw Fail.InvalidArgument("--min-tail", tail, "an integer >= 2");
            analysis = analysis with { HeavyTail = analysis.HeavyTail with { MinTailSize = tail } };
        }

        if (parse.GetValue(_convSlices))
        {
            analysis = analysis with { HeavyTail = analysis.HeavyTail with { ConvKernels = ConvKernels.Slices } };
        }

        return analysis;
    }
}
