using Superposition.Onnx.Proto;
using Superposition.Runtime.Probes;

namespace Superposition.Runtime.Tests.Probes;

public sealed class ActivationLayoutTests
{
    [Fact]
    public void Channel_axis_becomes_the_columns_and_the_other_axes_the_rows()
    {
        // Shape [N=2, C=3, W=2], values 0..11: element (n, c, w) = 6n + 2c + w. With C as features the rows are
        // (n, w) in row-major order: (0,0) = [0,2,4], (0,1) = [1,3,5], (1,0) = [6,8,10], (1,1) = [7,9,11].
        var values = Enumerable.Range(0, 12).Select(v => (double)v).ToArray();
        var target = new double[12 + 3];

        ActivationLayout.AppendRows(values, [2, 3, 2], axis: 1, target, offset: 3);

        Assert.Equal([0, 0, 0, 0, 2, 4, 1, 3, 5, 6, 8, 10, 7, 9, 11], target);
    }

    [Fact]
    public void Last_axis_as_features_keeps_row_major_order()
    {
        var values = Enumerable.Range(0, 6).Select(v => (double)v).ToArray();
        var target = new double[6];

        ActivationLayout.AppendRows(values, [2, 3], axis: 1, target, offset: 0);

        Assert.Equal(values, target);
    }

    [Fact]
    public void Feature_axis_is_channels_for_convolutions_and_last_otherwise()
    {
        Assert.Equal(1, ActivationLayout.FeatureAxis(4, "Conv", requested: null));
        Assert.Equal(1, ActivationLayout.FeatureAxis(3, "MaxPool", requested: null));
        Assert.Equal(2, ActivationLayout.FeatureAxis(3, "MatMul", requested: null));
        Assert.Equal(1, ActivationLayout.FeatureAxis(2, "Conv", requested: null));
        Assert.Equal(3, ActivationLayout.FeatureAxis(4, "Conv", requested: -1));
        Assert.Equal(0, ActivationLayout.FeatureAxis(0, "Add", requested: null));
        Assert.Equal(ErrorKind.InvalidArgument,
            Assert.Throws<SuperpositionException>(() => ActivationLayout.FeatureAxis(2, "Conv", requested: 2)).Kind);
    }

    [Fact]
    public void Constant_nodes_are_not_probe_candidates()
    {
        var graph = new GraphProto();
        graph.Node.Add(new NodeProto { OpType = "Constant", Output = { "c" } });
        graph.Node.Add(new NodeProto { OpType = "Add", Input = { "x", "c" }, Output = { "y" } });

        var candidates = ModelRewriter.Candidates(new ModelProto { Graph = graph });

        Assert.Equal(["y"], candidates.Select(c => c.Name));
    }
}
