using System.Globalization;
using Superposition.Reports.Content;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

/// <summary>
/// Builds the audit report (a renderer-independent <see cref="Document"/>) from an analysed model: cover, summary
/// with plain-language findings, one detail section per informative layer, and the methods appendix.
/// </summary>
public static partial class AuditReportBuilder
{
    public static Document Build(AuditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var analysis = input.Analysis;
        var detailed = LayerRanking.MostInformative(analysis, input.DetailLayers);
        var sections = new List<Section> { Cover(input), Summary(input, detailed) };
        if (DepthSection(input) is { } depth) sections.Add(depth);
        if (detailed.Count > 0)
        {
            sections.Add(new Section("Layers in detail", DetailIntro(analysis, detailed.Count)));
            sections.AddRange(detailed.Select(layer => LayerSection(layer, input)));
        }

        if (input.Probe is { } probe) sections.Add(ProbeSection(probe));
        sections.Add(Methods(input));
        string title = "Superposition audit: " + Path.GetFileName(analysis.Model.File);
        return new Document(title, CoverMetadata(input), sections);
    }

    private static IReadOnlyList<KeyValueItem> CoverMetadata(AuditInput input)
    {
        var model = input.Analysis.Model;
        return
        [
            new("model file", model.File),
            new("sha256", model.Sha256),
            new("producer", model.Producer.Length == 0 ? "(not recorded in the file)" : model.Producer),
            new("opsets", string.Join(", ", model.Opsets)),
            new("parameters", model.Parameters.ToString("N0", CultureInfo.InvariantCulture)),
            new("tool", "superposition " + input.Run.ToolVersion),
            new("linear algebra", input.Analysis.Backend),
            new("date", input.Run.Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            new("command", input.Run.CommandLine),
        ];
    }

    private static Block[] DetailIntro(ModelAnalysis analysis, int shown)
    {
        string which = shown == analysis.Layers.Count
            ? "Every analysed layer follows."
            : $"The {shown} most informative of the {analysis.Layers.Count} analysed layers follow (the most overcomplete frames, and those with unusual spectra or collapsed features); the summary table above covers all of them, and --detail N shows more.";
        return [Paragraph.Plain(which + " Each section shows the spectrum of the frame operator F = W Wᵀ, the spectrum's histogram with its power-law fit and Marchenko–Pastur edge, the distribution of feature dimensionalities D_i with the toy-model fractions, the localization of features in the spectrum, and the coherence of the features.")];
    }

    /// <summary>Id of a layer's detail section, which its summary row links to: its position in the model, so always unique.</summary>
    internal static string LayerAnchor(ModelAnalysis analysis, LayerAnalysis layer)
    {
        for (int i = 0; i < analysis.Layers.Count; i++)
        {
            if (ReferenceEquals(analysis.Layers[i], layer)) return "layer-" + i.ToString(CultureInfo.InvariantCulture);
        }

        throw Fail.Internal($"layer '{layer.Name}' is not one of the analysed layers");
    }

    /// <summary>The role a layer's frame plays, as the summary table shows and filters it: how its features were read.</summary>
    internal static string Role(LayerAnalysis layer) => layer.Orientation;

    internal static string F(double? value) => value is double v ? NumberFormat.Compact(v, 3) : "—";
}
