using Superposition.Training;
using Superposition.Training.Tms;

namespace Superposition.Cli.Output;

/// <summary>
/// The toy baselines an audit compares with when no folder is given: the published 5 → 2 and 100 → 20 sparsity
/// sweeps (MATH.md section 7), trained once on first use, seeded, and cached under the user's cache folder.
/// </summary>
internal static class DefaultBaselines
{
    /// <summary>Bump when the default set or its training changes, so stale caches are retrained.</summary>
    private const string Version = "v1";

    public static string Folder =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "superposition", "baselines", Version);

    public static IReadOnlyList<TmsOptions> Presets => [TmsPresets.FiveTwo() with { Seed = 1 }, TmsPresets.HundredTwenty() with { Seed = 2 }];

    public static string EnsureTrained(CliContext context)
    {
        string folder = Folder;
        string done = Path.Combine(folder, ".complete");
        if (File.Exists(done)) return folder;
        context.Status($"training the default toy baselines (first use; cached in {folder}) ...");
        foreach (var preset in Presets)
        {
            LayerProgressDisplay.RunTraining(context, $"training toy model {preset.Name}",
                progress => ToyLab.Sweep(preset, Path.Combine(folder, preset.Name), progress: progress));
        }

        File.WriteAllText(done, DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return folder;
    }
}
