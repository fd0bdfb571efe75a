using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Support;

/// <summary>
/// One audit of a 300-layer model, shared by the tests that read its PDF and its HTML page (the audit is the
/// slow part): 300 MatMul layers of random 32 × 96 weights (seeded), each reading the previous one's output.
/// </summary>
internal static class DeepModelAudit
{
    public const int Layers = 300;

    public const int Detail = 5;

    private static readonly Lazy<Outputs> Shared = new(() =>
    {
        var random = new Random(300);
        var builder = new ModelBuilder();
        string input = "x";
        for (int l = 0; l < Layers; l++)
        {
            var weights = Enumerable.Range(0, 32 * 96).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            builder.Initializer(ModelBuilder.Float32($"layer{l:000}.weight", [32, 96], weights)).Node("MatMul", $"mm{l:000}", [input, $"layer{l:000}.weight"], [$"h{l}"]);
            input = $"h{l}";
        }

        string folder = RepoPaths.NewTempFolder();
        string model = builder.Save(folder, "deep.onnx");
        var outputs = new Outputs(Path.Combine(folder, "deep.pdf"), Path.Combine(folder, "deep.html"), Path.Combine(folder, "deep.json"), null!);
        var result = CliRunner.Run("audit", model, "-o", outputs.Pdf, "--html", outputs.Html, "--json", outputs.Json, "--no-baselines", "--detail", Detail.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return outputs with { Result = result };
    });

    public static Outputs Run() => Shared.Value;

    public sealed record Outputs(string Pdf, string Html, string Json, CliRunner.Result Result);
}
