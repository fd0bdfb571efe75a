namespace Superposition.Reports.Baselines;

/// <summary>
/// Where baseline sets live: first the shipped folder (committed with the tool), then a writable cache folder; a
/// shape found in neither, or stored with other settings (a different fingerprint), is trained and written to the cache.
/// </summary>
/// <param name="ShippedFolder">Read-only folder of committed sets; null when not found.</param>
/// <param name="CacheFolder">Writable folder for sets trained on demand.</param>
/// <param name="Settings">How sets are trained (and which fingerprint a stored set must carry).</param>
public sealed record BaselineStore(string? ShippedFolder, string CacheFolder, BaselineSettings Settings)
{
    /// <summary>The stored set of <paramref name="shape"/> with the current fingerprint, or null.</summary>
    public ShapeBaseline? Find(ToyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (string? folder in new[] { ShippedFolder, CacheFolder })
        {
            if (folder is null) continue;
            string path = Path.Combine(folder, BaselineFile.FileName(shape));
            if (!File.Exists(path)) continue;
            var set = BaselineFile.Read(path);
            if (set.Shape == shape && set.Fingerprint == Settings.Fingerprint(shape)) return set;
        }

        return null;
    }

    /// <summary>Trains <paramref name="shape"/> and writes it to the cache (atomically).</summary>
    public ShapeBaseline TrainAndCache(ToyShape shape, IProgress<Training.Tms.ToyProgress>? progress = null, CancellationToken cancellation = default)
    {
        var set = BaselineTrainer.Train(shape, Settings, progress, cancellation);
        Directory.CreateDirectory(CacheFolder);
        BaselineFile.Write(Path.Combine(CacheFolder, BaselineFile.FileName(shape)), set);
        return set;
    }

    /// <summary>The toy shapes the given layers need (n × m each), distinct, skipping layers too overcomplete to match.</summary>
    public IReadOnlyList<ToyShape> ShapesFor(IEnumerable<(int Features, int Hidden)> layers) =>
        layers.Select(l => Settings.ShapeFor(l.Features, l.Hidden)).Where(s => s.Features <= Settings.MaxFeatures).Distinct()
            .OrderBy(s => s.Features).ThenBy(s => s.Hidden).ToList();
}
