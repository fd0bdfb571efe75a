using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Output;

/// <summary>
/// Per-layer checkpoints as one JSON file per layer in a folder (<c>--checkpoints DIR</c>). Each file carries a key:
/// the SHA-256 of the model file's hash, the orientation and the analysis options, so a checkpoint of another model or
/// of other options is never reused. Files are written atomically.
/// </summary>
internal sealed class JsonLayerCheckpoint : ILayerCheckpoint
{
    private readonly string _folder;
    private readonly string _key;
    private readonly bool _load;
    private int _restored;

    /// <param name="folder">Where the files live (created).</param>
    /// <param name="modelSha256">The model file's hash.</param>
    /// <param name="options">Orientation and analysis options: part of the key.</param>
    /// <param name="load">True with --resume: saved layers are reused; otherwise only saved.</param>
    public JsonLayerCheckpoint(string folder, string modelSha256, ModelAnalysisOptions options, bool load)
    {
        _folder = folder;
        _load = load;
        Directory.CreateDirectory(folder);
        var identity = modelSha256 + "\n" + options.Orientation + "\n" + Json.Serialize(options.Analysis);
        _key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    /// <summary>Layers restored from the folder so far.</summary>
    public int Restored => _restored;

    public LayerAnalysis? TryLoad(string name)
    {
        if (!_load) return null;
        var path = PathOf(name);
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            var saved = Json.Read<Saved>(stream);
            if (saved is null || saved.Key != _key || saved.Layer?.Name != name) return null;
            Interlocked.Increment(ref _restored);
            return saved.Layer;
        }
        catch (JsonException)
        {
            return null; // a damaged checkpoint is recomputed, not trusted
        }
    }

    public void Save(LayerAnalysis layer) => Json.Write(PathOf(layer.Name), new Saved(_key, layer));

    private string PathOf(string name)
    {
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        if (safe.Length > 80) safe = safe[..80];
        // The key is part of the name: checkpoints of other options sit beside these instead of replacing them.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_key + "\n" + name)))[..16];
        return Path.Combine(_folder, $"{safe}-{hash}.json");
    }

    /// <summary>One checkpoint file: the key it was written under and the layer.</summary>
    internal sealed record Saved(string Key, LayerAnalysis Layer);
}
