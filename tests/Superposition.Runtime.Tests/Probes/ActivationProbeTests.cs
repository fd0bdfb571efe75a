using Superposition.Onnx.Graph;
using Superposition.Runtime.Probes;
using Superposition.Runtime.Tests.Support;

namespace Superposition.Runtime.Tests.Probes;

public sealed class ActivationProbeTests
{
    private const int Inputs = 8;
    private const int Hidden = 8;

    [Fact]
    public void Candidates_are_the_node_outputs_in_graph_order()
    {
        var file = WriteTemp(Model(Identity(Inputs)));
        try
        {
            var candidates = ActivationProbe.Candidates(file);

            Assert.Equal(["h", "r", "Y"], candidates.Select(c => c.Name));
            Assert.Equal(["MatMul", "Relu", "MatMul"], candidates.Select(c => c.OpType));
            Assert.Equal(OnnxDataType.Float32, candidates[2].ElementType); // declared as graph output
            Assert.Equal(OnnxDataType.Undefined, candidates[0].ElementType); // no value_info
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Exposed_relu_equals_relu_of_the_exposed_matmul()
    {
        var w1 = Enumerable.Range(0, Inputs * Hidden).Select(i => (float)Math.Sin(i + 1)).ToArray();
        var options = new ProbeOptions(Batches: 3, BatchSize: 5);

        var matrices = ActivationProbe.Run(Model(w1), ["h", "r"], options);

        var h = matrices.Single(m => m.Name == "h");
        var r = matrices.Single(m => m.Name == "r");
        Assert.Equal(15, h.Rows);
        Assert.Equal(Hidden, h.Columns);
        Assert.Equal([5L, Hidden], h.BatchShape);
        Assert.Equal(1, h.FeatureAxis);
        Assert.Equal(h.Data.Select(v => Math.Max(v, 0)), r.Data);
        Assert.Contains(h.Data, v => v < 0);
    }

    [Fact]
    public void Inputs_are_seeded_standard_normal_samples()
    {
        // W1 = identity, so h is the generated input itself: 4 x 16 x 8 = 512 samples of N(0, 1).
        // Tolerances are 4 standard errors: mean 4/sqrt(512) = 0.18, variance 4*sqrt(2/511) = 0.25.
        var model = Model(Identity(Inputs));

        var h = ActivationProbe.Run(model, ["h"]).Single();
        var again = ActivationProbe.Run(model, ["h"]).Single();
        var other = ActivationProbe.Run(model, ["h"], new ProbeOptions(Seed: 7)).Single();

        Assert.Equal(512, h.Data.Length);
        var mean = h.Data.Average();
        var variance = h.Data.Sum(v => (v - mean) * (v - mean)) / (h.Data.Length - 1);
        Assert.InRange(mean, -0.18, 0.18);
        Assert.InRange(variance, 0.75, 1.25);
        Assert.Equal(h.Data, again.Data);
        Assert.NotEqual(h.Data, other.Data);
    }

    [Fact]
    public void Unknown_value_name_is_an_invalid_argument()
    {
        var e = Assert.Throws<SuperpositionException>(() => ActivationProbe.Run(Model(Identity(Inputs)), ["nope"]));

        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public void An_empty_value_list_is_an_invalid_argument()
    {
        var e = Assert.Throws<SuperpositionException>(() => ActivationProbe.Run(Model(Identity(Inputs)), []));

        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    private static byte[] Model(float[] w1) =>
        TestModels.TwoLayer(w1, Identity(Hidden), Inputs, Hidden, Hidden);

    private static float[] Identity(int n) =>
        Enumerable.Range(0, n * n).Select(i => i / n == i % n ? 1f : 0f).ToArray();

    private static string WriteTemp(byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"superposition-probe-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(file, bytes);
        return file;
    }
}
