using System.Globalization;
using Superposition.Reports;
using Superposition.Reports.Diff;

namespace Superposition.Cli.Output;

/// <summary>The console summary of a diff: the layers that changed most.</summary>
internal static class DiffTable
{
    private const int Shown = 20;

    public static void Print(CliContext context, ModelDiff diff)
    {
        var ranked = diff.Layers.OrderByDescending(l => l.Magnitude).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{diff.Layers.Count} paired layer(s), {diff.UnpairedA.Count} only in A, {diff.UnpairedB.Count} only in B; largest change first:"));
        context.Out.WriteLine($"{"layer",-40} {"‖ΔW‖/‖W‖",10} {"srank ΔW",9} {"θmax k=1",9} {"ΔΣD/m",9} {"W₁(μ)",9} {"geometry",-11}");
        foreach (var l in ranked.Take(Shown))
        {
            var sumD = l.Measures.First(m => m.Name == "ΣD/m").Change;
            context.Out.WriteLine($"{l.Name,-40} {N(l.RelativeFrobeniusChange),10} {N(l.DifferenceStableRank),9} {N(l.Angles.FirstOrDefault()?.Largest),9} {N(sumD),9} {N(l.SpectralMeasureDrift?.Mean),9} {l.Geometry?.Verdict ?? "—",-11}");
        }

        if (ranked.Count > Shown) context.Out.WriteLine($"... and {ranked.Count - Shown} more (see --json or the report)");
        context.Out.WriteLine("W₁(μ): mean 1-Wasserstein distance of the features' spectral measures on ln λ (nats); geometry: localized clusters survived / changed / lost.");
        foreach (var skipped in diff.TooLarge) context.Out.WriteLine($"{skipped.Name}: {skipped.Reason} Raise the budget with --memory-budget.");
        if (ExitCode(diff) == ExitCodes.Partial) context.Out.WriteLine($"partial result: {diff.TooLarge.Count} pair(s) not compared, {diff.A.Failed.Count + diff.B.Failed.Count} layer(s) failed their analysis; exit code {ExitCodes.Partial}.");
        var quantized = diff.Layers.Where(l => l.Quantized).ToList();
        if (quantized.Count > 0)
        {
            var verdicts = quantized.GroupBy(l => l.Geometry?.Verdict ?? "not compared").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            var noise = quantized.Where(l => l.NoiseReference?.NoiseGeometry is not null).GroupBy(l => l.NoiseReference!.NoiseGeometry!.Verdict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            context.Out.WriteLine($"quantized in B: {quantized.Count} layer(s); geometry {string.Join(", ", verdicts)}; under Gaussian noise of the same size: {(noise.Any() ? string.Join(", ", noise) : "—")}");
        }

    }

    /// <summary>Partial when a pair was not compared or a layer of either model failed its analysis, else success.</summary>
    public static int ExitCode(ModelDiff diff)
    {
        bool partial = diff.TooLarge.Count > 0 || diff.A.IsPartial || diff.B.IsPartial;
        return partial ? ExitCodes.Partial : ExitCodes.Success;
    }

    private static string N(double? v) => v is double x ? NumberFormat.Compact(x, 3) : "—";
}
