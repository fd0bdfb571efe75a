using System.Text.Json;
using System.Text.Json.Serialization;
using Superposition.Reports.Baselines;
using Superposition.Reports.Exports;
using Superposition.Reports.Tests.Baselines;

namespace Superposition.Reports.Tests.Exports;

public sealed class ComparisonDocumentTests
{
    [Fact]
    public void Each_layer_carries_baseline_and_null_with_the_documented_fields()
    {
        var layer = TestFrames.Layer("a", 8, 4, TestFrames.Gaussian(8, 4, 4));
        var s = LayerSignature.From(layer);
        var nulls = new NullSignatures([s], [s]);
        var placement = new LayerPlacement("a", 8, 4, s, LayerRegime.ToyRegime,
            new BaselinePlacement(0.1, 0.05, 0.2, 0.12, new ToyShape(8, 4), Closeness.Close, "superposition", 0.03),
            new NullComparison(new NullDistance(0.9, 0.1), new NullDistance(0.7, 0.2), s), nulls, null, null);
        var document = ComparisonDocument.From(new BaselineComparison("src", BaselineSettings.Default, new Dictionary<ToyShape, ToyTrajectory>(), [placement]));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(document, options));
        var l = json.RootElement.GetProperty("layers")[0];
        Assert.Equal("a", l.GetProperty("name").GetString());
        Assert.Equal("toyRegime", l.GetProperty("regime").GetString());
        var b = l.GetProperty("baseline");
        Assert.Equal(0.1, b.GetProperty("featureProbability").GetDouble());
        Assert.Equal([0.05, 0.2], b.GetProperty("interval").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.12, b.GetProperty("distance").GetDouble());
        Assert.Equal(8, b.GetProperty("n").GetInt32());
        Assert.Equal(4, b.GetProperty("m").GetInt32());
        Assert.Equal("close", b.GetProperty("closeness").GetString());
        var n = l.GetProperty("null");
        Assert.Equal(0.7, n.GetProperty("distance").GetDouble()); // the nearer null
        Assert.True(n.GetProperty("structured").GetBoolean());
    }
}
