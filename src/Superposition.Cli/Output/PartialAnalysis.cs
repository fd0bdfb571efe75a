using System.Text.Json;
using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Output;

/// <summary>
/// What <c>analyze --shard k/N --json FILE</c> writes: the shard's full results (every nested record, so <c>merge</c>
/// can rebuild the single-run JSON and the report) and whether per-feature arrays were asked for.
/// </summary>
/// <param name="Format">"superposition-partial/1": refuses files of other formats.</param>
/// <param name="Shard">Which part of the layers (k/N).</param>
/// <param name="PerFeature">Whether --per-feature was given (the merged JSON then carries the arrays).</param>
/// <param name="Analysis">The shard's layers, its failures (and, in shard 1, the tensors that are not frames).</param>
internal sealed record PartialAnalysis(string Format, ShardPlan Shard, bool PerFeature, ModelAnalysis Analysis)
{
    public const string CurrentFormat = "superposition-partial/1";

    public static PartialAnalysis Read(string path)
    {
        PartialAnalysis? part;
        try
        {
            using var stream = File.OpenRead(path);
            part = Json.Read<PartialAnalysis>(stream);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Fail.InvalidArgument("PART", path, "a partial JSON written by 'analyze --shard k/N --json' (" + e.Message + ")");
        }

        if (part?.Format != CurrentFormat || part.Analysis is null)
        {
            throw Fail.InvalidArgument("PART", path, $"a partial JSON of format {CurrentFormat} (found '{part?.Format ?? "none"}')");
        }

        return part;
    }
}
