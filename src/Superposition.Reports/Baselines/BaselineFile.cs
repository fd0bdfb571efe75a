using System.Text.Json;

namespace Superposition.Reports.Baselines;

/// <summary>
/// Reads and writes one baseline set as JSON (<c>tms-NxM.json</c>): the shape, the settings' fingerprint and each
/// trained frame's weights as float32 values. Identical frames give identical bytes (no dates, shortest round-trip numbers).
/// </summary>
public static class BaselineFile
{
    public const string Kind = "superposition-toy-baselines";

    public static string FileName(ToyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Key + ".json";
    }

    public static byte[] ToBytes(ShapeBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind);
            w.WriteNumber("features", baseline.Shape.Features);
            w.WriteNumber("hidden", baseline.Shape.Hidden);
            w.WriteString("fingerprint", baseline.Fingerprint);
            w.WriteString("layout", "weights: W of h = W x, m x n row-major (W[k*n + i])");
            w.WriteStartArray("frames");
            foreach (var f in baseline.Frames)
            {
                w.WriteStartObject();
                w.WriteNumber("run", f.Run);
                w.WriteNumber("featureProbability", f.FeatureProbability);
                w.WriteNumber("finalLoss", f.FinalLoss);
                w.WriteStartArray("weights");
                foreach (float v in f.Weights) w.WriteNumberValue(v);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static void Write(string path, ShapeBaseline baseline) => AtomicFile.WriteAllBytes(path, ToBytes(baseline));

    /// <summary>Reads a baseline set; a file that is not one fails with InvalidModel naming the file and the problem.</summary>
    public static ShapeBaseline Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("kind", out var kind) || kind.GetString() != Kind) throw Fail.InvalidModel(path, $"is not a toy baseline set (expected \"kind\": \"{Kind}\")");
            var shape = new ToyShape(root.GetProperty("features").GetInt32(), root.GetProperty("hidden").GetInt32());
            var frames = new List<ToyFrame>();
            foreach (var f in root.GetProperty("frames").EnumerateArray())
            {
                var weights = f.GetProperty("weights").EnumerateArray().Select(v => v.GetSingle()).ToArray();
                if (weights.Length != shape.Features * shape.Hidden)
                    throw Fail.InvalidModel(path, $"frame holds {weights.Length} weights; expected {shape.Features} × {shape.Hidden} = {shape.Features * shape.Hidden}");
                frames.Add(new ToyFrame(f.GetProperty("run").GetInt32(), f.GetProperty("featureProbability").GetDouble(), f.GetProperty("finalLoss").GetDouble(), weights));
            }

            return new ShapeBaseline(shape, root.GetProperty("fingerprint").GetString() ?? "", frames);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Fail.InvalidModel(path, "is not a valid toy baseline set: " + e.Message, e);
        }
    }
}
