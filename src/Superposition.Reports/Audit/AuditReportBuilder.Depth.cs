using Superposition.Reports.Charts;
using Superposition.Reports.Content;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

public static partial class AuditReportBuilder
{
    /// <summary>Roles in the order a transformer block applies them.</summary>
    private static readonly string[] DepthRoles = ["q", "k", "v", "o", "gate", "up", "down"];

    /// <summary>The layer's name as the report shows it: the readable name with the stored tensor name beside it, when the tensor name does not already contain it.</summary>
    internal static string LayerLabel(LayerAnalysis layer, AuditInput input) =>
        input.Identities?.GetValueOrDefault(layer.Name)?.ReadableName is { } readable && !layer.Name.StartsWith(readable, StringComparison.Ordinal)
            ? $"{readable} ({layer.Name})"
            : layer.Name; // pooler.dense.weight already says what it is

    /// <summary>
    /// How the measures change with depth: one chart per role (q, k, v, o, gate, up, down) with D*, ΣD/m, τ and the
    /// localized share against the block index, and one chart of the power-law α of every role. Only roles present
    /// in at least two blocks are drawn; null when the model has none (not a layered transformer, or names unknown).
    /// </summary>
    private static Section? DepthSection(AuditInput input)
    {
        if (input.Identities is null) return null;
        var layered = input.Analysis.Layers
            .Select(l => (Layer: l, Id: input.Identities.GetValueOrDefault(l.Name)))
            .Where(p => p.Id is { Block: not null, Role: not null })
            .ToList();
        var byRole = DepthRoles
            .Select(role => (Role: role, Layers: layered.Where(p => p.Id!.Role == role).OrderBy(p => p.Id!.Block).Select(p => (Block: (double)p.Id!.Block!.Value, p.Layer)).ToList()))
            .Where(r => r.Layers.Select(p => p.Block).Distinct().Count() >= 2)
            .ToList();
        if (byRole.Count == 0) return null;

        int blocks = layered.Select(p => p.Id!.Block!.Value).Distinct().Count();
        var items = new List<Block>
        {
            Paragraph.Plain($"The layers are grouped by their role in a transformer block (from the names in the graph) and drawn against the block index, {blocks} blocks from input (0) to output. Each chart shows one role: D* (dimensions per feature), ΣD/m (the share of the hidden dimensions the features use), τ (0 for a tight frame) and the share of localized features. The last chart shows the power-law exponent α of every role; a missing point is a layer whose fit failed."),
        };
        foreach (var (role, layers) in byRole)
        {
            var x = layers.Select(p => p.Block).ToList();
            var series = new List<ChartSeries>
            {
                Line("D*", x, layers.Select(p => p.Layer.Analysis.Capacity.DimensionsPerFeature)),
                Line("ΣD/m", x, layers.Select(p => p.Layer.Analysis.Capacity.CapacityRatio)),
                Line("τ", x, layers.Select(p => p.Layer.Analysis.Geometry.Tightness)),
                Line("localized share", x, layers.Select(p => p.Layer.Analysis.Localization.OnEigenspaces.LocalizedFraction)),
            };
            var chart = new Chart($"{RoleTitle(role)} across depth", new Axis("block"), new Axis("value"), series) { Legend = LegendPosition.Outside };
            string shape = string.Join(", ", layers.Select(p => $"{p.Layer.Features} × {p.Layer.Hidden}").Distinct());
            items.Add(new ChartBlock(chart, $"Role {role}: {layers.Count} layers ({shape}), e.g. {LayerLabel(layers[0].Layer, input)}.", 0.42));
        }

        var alpha = byRole.Select(r => (ChartSeries)Line(r.Role, r.Layers.Select(p => p.Block).ToList(),
            r.Layers.Select(p => p.Layer.Analysis.HeavyTail.PowerLaw is { Succeeded: true, Alpha: double a } ? a : double.NaN))).ToList();
        items.Add(new ChartBlock(new Chart("Power-law exponent α across depth", new Axis("block"), new Axis("α"), alpha) { Legend = LegendPosition.Outside },
            "α of the weight spectrum's tail, per role (WeightWatcher reads 2–6 as typical of trained layers).", 0.42));
        return new Section("Measures across depth", items);
    }

    private static LineSeries Line(string name, IReadOnlyList<double> x, IEnumerable<double> y) => new(name, x, y.ToList()) { Width = 1.4 };

    private static string RoleTitle(string role) => role switch
    {
        "q" => "Query projections (q)",
        "k" => "Key projections (k)",
        "v" => "Value projections (v)",
        "o" => "Attention outputs (o)",
        "gate" => "Feed-forward gates",
        "up" => "Feed-forward up projections",
        "down" => "Feed-forward down projections",
        _ => role,
    };
}
