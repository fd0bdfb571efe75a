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
        context.Out.WriteLine($"{"layer",-40} {"‖ΔW‖/‖W‖",10} {"srank ΔW",9} {"θmax k=1",9} {"ΔΣD/m",9}");
        foreach (var l in ranked.Take(Shown))
        {
            var sumD = l.Measures.First(m => m.Name == "ΣD/m").Change;
            context.Out.WriteLine($"{l.Name,-40} {N(l.RelativeFrobeniusChange),10} {N(l.DifferenceStableRank),9} {N(l.Angles.FirstOrDefault()?.Largest),9} {N(sumD),9}");
        }

        if (ranked.Count > Shown) context.Out.WriteLine($"... and {ranked.Count - Shown} more (see --json or the report)");
    }

    private static string N(double? v) => v is double x ? NumberFormat.Compact(x, 3) : "—";
}
