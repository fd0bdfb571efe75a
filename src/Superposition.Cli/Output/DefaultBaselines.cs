using System.Globalization;
using Superposition.Reports.Baselines;
using Superposition.Training.Tms;

namespace Superposition.Cli.Output;

/// <summary>
/// Where the toy baselines come from without <c>--baselines</c>: the shipped set (models/baselines, copied beside the tool
/// at build), then the user's cache ($XDG_CACHE_HOME/superposition/baselines/v2); shapes in neither are trained on demand
/// (progress bar, time estimate) into the cache.
/// </summary>
internal static class DefaultBaselines
{
    /// <summary>Bump when the baseline format changes, so stale caches are ignored.</summary>
    private const string Version = "v2";

    /// <summary>Training throughput assumed for the up-front estimate (GFLOP/s; about what the 2-core reference machine gave under load).</summary>
    private const double AssumedGflops = 3.0;

    public static string CacheFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "superposition", "baselines", Version);

    /// <summary>The shipped set: beside the tool, else models/baselines above the current folder; null when neither exists.</summary>
    public static string? ShippedFolder()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "baselines");
        if (Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string inRepo = Path.Combine(dir.FullName, "models", "baselines");
            if (Directory.Exists(inRepo)) return inRepo;
        }

        return null;
    }

    /// <summary>The store: <paramref name="folder"/> alone when given (read and trained into), else shipped + cache.</summary>
    public static BaselineStore Store(string? folder) =>
        folder is not null ? new BaselineStore(folder, folder, BaselineSettings.Default) : new BaselineStore(ShippedFolder(), CacheFolder, BaselineSettings.Default);

    /// <summary>
    /// The baseline set of every shape in <paramref name="shapes"/>: stored ones are read, the others trained (one progress
    /// bar over all of them, with an estimate printed first) and cached.
    /// </summary>
    public static IReadOnlyDictionary<ToyShape, ShapeBaseline> Ensure(CliContext context, BaselineStore store, IReadOnlyList<ToyShape> shapes)
    {
        var sets = new Dictionary<ToyShape, ShapeBaseline>();
        var missing = new List<ToyShape>();
        foreach (var shape in shapes)
        {
            if (store.Find(shape) is { } set) sets[shape] = set;
            else missing.Add(shape);
        }

        if (missing.Count == 0) return sets;
        double flops = missing.Sum(store.Settings.TrainingFlops);
        context.Status(string.Create(CultureInfo.InvariantCulture,
            $"training {missing.Count} toy baseline shape(s) not stored yet ({string.Join(", ", missing)}); estimated {flops / (AssumedGflops * 1e9):0} s at {AssumedGflops} GFLOP/s; cached in {store.CacheFolder}"));
        long total = missing.Sum(s => (long)store.Settings.FeatureProbabilities.Count * store.Settings.Runs * store.Settings.Steps);
        LayerProgressDisplay.RunTraining(context, "training toy baselines", progress =>
        {
            long offset = 0;
            foreach (var shape in missing)
            {
                long start = offset;
                var shifted = new Shifted(progress, start, total, shape.Key);
                sets[shape] = store.TrainAndCache(shape, shifted);
                offset += (long)store.Settings.FeatureProbabilities.Count * store.Settings.Runs * store.Settings.Steps;
            }

            return sets.Count;
        });
        return sets;
    }

    /// <summary>Reports one shape's progress as part of the whole.</summary>
    private sealed class Shifted(IProgress<ToyProgress> inner, long offset, long total, string label) : IProgress<ToyProgress>
    {
        public void Report(ToyProgress value) => inner.Report(new ToyProgress(label, offset + value.Completed, total));
    }
}
