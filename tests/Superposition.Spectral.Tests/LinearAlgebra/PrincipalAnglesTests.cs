using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.LinearAlgebra;

public sealed class PrincipalAnglesTests
{
    /// <summary>
    /// span(e_1..e_k) against the same span with e_1 turned by θ towards e_{k+1}, all in a random orthonormal frame:
    /// the angles are exactly (0, …, 0, θ), from 1e-9 rad (where acos alone would give 0 or 1.5e-8) to 89°.
    /// </summary>
    [Theory]
    [InlineData(5, 1, 1e-9)]
    [InlineData(12, 4, 0.3)]
    [InlineData(40, 16, 1.2)]
    [InlineData(70, 64, 1.55)]
    public void A_turn_by_theta_in_one_plane_gives_one_angle_theta_and_zeros(int m, int k, double theta)
    {
        var q = RandomOrthogonal(m, new Random(m * 31 + k));
        var u = new double[m * k];
        var v = new double[m * k];
        Array.Copy(q, u, m * k);
        Array.Copy(q, v, m * k);
        for (int r = 0; r < m; r++) v[r] = (Math.Cos(theta) * q[r]) + (Math.Sin(theta) * q[(k * m) + r]); // e_1 → cos θ e_1 + sin θ e_{k+1}

        var angles = PrincipalAngles.Between(m, k, u, v, Backends.Default);
        Assert.Equal(k, angles.Length);
        for (int i = 0; i < k - 1; i++) Assert.InRange(angles[i], 0, 1e-12);
        Assert.Equal(theta, angles[^1], 1e-12); // absolute, radians
    }

    [Fact]
    public void Orthogonal_subspaces_are_at_ninety_degrees_and_a_subspace_with_itself_at_zero()
    {
        const int m = 9, k = 3;
        var q = RandomOrthogonal(m, new Random(9));
        var first = q[..(m * k)];
        var second = q[(m * k)..(2 * m * k)];
        Assert.All(PrincipalAngles.Between(m, k, first, second, Backends.Default), a => Assert.Equal(Math.PI / 2, a, 1e-12));
        Assert.All(PrincipalAngles.Between(m, k, first, first, Backends.Default), a => Assert.InRange(a, 0, 1e-14));
    }

    [Fact]
    public void Bases_of_the_wrong_size_are_refused()
    {
        Assert.ThrowsAny<Exception>(() => PrincipalAngles.Between(4, 2, new double[8], new double[6], Backends.Default));
        Assert.ThrowsAny<Exception>(() => PrincipalAngles.Between(4, 5, new double[20], new double[20], Backends.Default));
    }

    /// <summary>An orthogonal m × m matrix (column-major) by Gram–Schmidt on seeded Gaussian columns, done twice for accuracy.</summary>
    internal static double[] RandomOrthogonal(int m, Random random)
    {
        var q = new double[m * m];
        for (int i = 0; i < q.Length; i++) q[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        for (int j = 0; j < m; j++)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                for (int p = 0; p < j; p++)
                {
                    double dot = 0;
                    for (int r = 0; r < m; r++) dot += q[(p * m) + r] * q[(j * m) + r];
                    for (int r = 0; r < m; r++) q[(j * m) + r] -= dot * q[(p * m) + r];
                }
            }

            double norm = 0;
            for (int r = 0; r < m; r++) norm += q[(j * m) + r] * q[(j * m) + r];
            norm = Math.Sqrt(norm);
            for (int r = 0; r < m; r++) q[(j * m) + r] /= norm;
        }

        return q;
    }
}
