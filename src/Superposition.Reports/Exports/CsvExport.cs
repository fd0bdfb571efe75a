using System.Globalization;
using System.Text;
using Superposition.Spectral.Models;

namespace Superposition.Reports.Exports;

/// <summary>One CSV row per layer (analysed, failed or skipped), RFC 4180 quoting, invariant culture.</summary>
public static class CsvExport
{
    private static readonly string[] Columns =
    [
        "name", "status", "reason", "op", "layer", "shape", "dtype", "orientation", "features", "hidden", "rank", "lambdaMax",
        "sumD", "capacityRatio", "dimsPerFeature", "localizedFraction", "tightness", "framePotential", "maxCoherence",
        "meanSquaredCoherence", "welchBound", "alpha", "alphaSigma", "alphaStatus", "quality", "stableRank", "mpSpikes",
        "identityResidual", "seconds",
    ];

    public static string Write(ModelAnalysis analysis)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Columns));
        foreach (var layer in analysis.Layers)
        {
            var a = layer.Analysis;
            var fit = a.HeavyTail.PowerLaw;
            Row(text, layer.Name, "analysed", "", layer.Op, layer.Layer, Shape(layer.Shape), layer.Dtype, layer.Orientation,
                layer.Features, layer.Hidden, a.Spectrum.Rank, a.Spectrum.LambdaMax, a.Capacity.SumDimensionality, a.Capacity.CapacityRatio,
                a.Capacity.DimensionsPerFeature, a.Localization.OnEigenspaces.LocalizedFraction, a.Geometry.Tightness, a.Geometry.FramePotential,
                a.Coherence.MaxCoherence, a.Coherence.MeanSquaredCoherence, a.Coherence.WelchBound, fit.Alpha, fit.Sigma,
                fit.Succeeded ? "ok" : "failed: " + fit.Reason, a.HeavyTail.Quality, a.HeavyTail.StableRank, a.HeavyTail.MarchenkoPastur.SpikeCount,
                a.Capacity.IdentityResidual, layer.Seconds);
        }

        foreach (var failed in analysis.Failed)
        {
            Row(text, failed.Name, "failed", failed.Reason, failed.Op, "", Shape(failed.Shape), failed.Dtype);
        }

        foreach (var skip in analysis.Skipped)
        {
            Row(text, skip.Name, "skipped", skip.Reason, skip.Op, "", Shape(skip.Shape), skip.Dtype);
        }

        return text.ToString();
    }

    private static string Shape(IReadOnlyList<long> shape) => string.Join('x', shape);

    private static void Row(StringBuilder text, params object?[] cells)
    {
        var padded = cells.Concat(Enumerable.Repeat<object?>(null, Columns.Length - cells.Length));
        text.AppendLine(string.Join(',', padded.Select(Cell)));
    }

    private static string Cell(object? value)
    {
        string s = value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
