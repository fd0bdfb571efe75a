using Superposition.Training.Geometry;

namespace Superposition.Training.Tests.Geometry;

public sealed class ToyGeometryTests
{
    /// <summary>W (m×n row-major) whose columns are unit vectors at the given angles (radians) in the plane.</summary>
    private static float[] Planar(params double[] angles)
    {
        int n = angles.Length;
        var w = new float[2 * n];
        for (int i = 0; i < n; i++)
        {
            w[i] = (float)Math.Cos(angles[i]);
            w[n + i] = (float)Math.Sin(angles[i]);
        }

        return w;
    }

    [Fact]
    public void Pentagon_has_golden_values()
    {
        // MATH.md golden table: pentagon D_i = 2/5, tight (tau = 0), D* = m/||W||_F^2 = 2/5.
        var g = ToyGeometry.Of(Planar(Enumerable.Range(0, 5).Select(j => 2 * Math.PI * j / 5).ToArray()), 2, 5);
        Assert.All(g.Dimensionality, d => Assert.Equal(0.4, d, 6));
        Assert.Equal(0.0, g.TightnessResidual, 6);
        Assert.Equal(0.4, g.DimensionsPerFeature, 6);
        Assert.Equal(5, g.Represented());
    }

    [Fact]
    public void Triangle_and_digon_have_golden_dimensionalities()
    {
        var tri = ToyGeometry.Of(Planar(0, 2 * Math.PI / 3, 4 * Math.PI / 3), 2, 3);
        Assert.All(tri.Dimensionality, d => Assert.Equal(2.0 / 3, d, 6));
        // Digon in one dimension (m = 1): w = [1, -1], D_i = 1/2.
        var digon = ToyGeometry.Of([1f, -1f], 1, 2);
        Assert.All(digon.Dimensionality, d => Assert.Equal(0.5, d, 12));
    }

    [Fact]
    public void Two_orthogonal_features_and_dead_ones_give_D_one_and_zero()
    {
        // Hand computation: w0 = (1,0), w1 = (0,1), w2 = 0: D = 1, 1, 0 (dead); F = I so tau = 0; D* = 2/2 = 1.
        var g = ToyGeometry.Of([1f, 0f, 0f, 0f, 1f, 0f], 2, 3);
        Assert.Equal([1.0, 1.0, 0.0], g.Dimensionality);
        Assert.Equal(2, g.Represented());
        Assert.Equal(0.0, g.TightnessResidual, 12);
        Assert.Equal(1.0, g.DimensionsPerFeature, 12);
    }

    [Fact]
    public void Unequal_frame_has_the_numpy_tightness_residual()
    {
        // numpy: W = [[1, 0.5, 0], [0, 0.5, 2]]; F = W W^T; lam = eigvalsh(F); 2*sum(lam^2)/sum(lam)^2 - 1 = 0.305785123966942
        var g = ToyGeometry.Of([1f, 0.5f, 0f, 0f, 0.5f, 2f], 2, 3);
        Assert.Equal(0.305785123966942, g.TightnessResidual, 10);
    }
}
