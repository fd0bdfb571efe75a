using Superposition.Spectral.LinearAlgebra;
using static Superposition.Spectral.Tests.LinearAlgebra.TestMatrices;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>Native-only behaviour: sizes where LAPACK's own workspace query cannot be trusted.</summary>
public sealed class NativeBackendTests
{
    [NativeFact]
    public void Float32_decomposition_with_vectors_works_past_the_broken_workspace_query_size()
    {
        // Debian 12's ssyevd query rounds 1+6n+2n² through a float; from n ≈ 2895 it is too small, and
        // trusting it makes ssyevd reject the call. 2900 is just past that point (a few seconds).
        const int n = 2900;
        var a = ToFloat(SecondDifference(n));
        var values = new float[n];

        new NativeBackend().SymmetricEigen(n, a, values, computeVectors: true);

        // Spot checks against the closed form 2 − 2cos(kπ/(n+1)) and ‖v‖ = 1, to float accuracy.
        foreach (var k in new[] { 0, 1, n / 2, n - 1 })
        {
            Assert.Equal(2 - (2 * Math.Cos((k + 1) * Math.PI / (n + 1))), values[k], 1e-4);
            var norm = 0.0;
            for (var i = 0; i < n; i++)
            {
                norm += a[i + (k * n)] * (double)a[i + (k * n)];
            }

            Assert.Equal(1.0, norm, 1e-4);
        }
    }

    /// <summary>
    /// Values only go through the one-stage dsyevd up to NativeBackend.OneStageValuesUpTo (5, 300, 1024) and through the
    /// two-stage reduction (dsyevd_2stage) above it when the library has it (1025, 1100): the second-difference
    /// matrix's closed-form eigenvalues 2 − 2cos(kπ/(n+1)), and a random symmetric matrix's values from the
    /// one-stage solver with vectors, to 1e-12 of the largest (backward-stable solvers: O(n ε ‖A‖)).
    /// </summary>
    [NativeTheory]
    [InlineData(5)]
    [InlineData(300)]
    [InlineData(NativeBackend.OneStageValuesUpTo)]
    [InlineData(NativeBackend.OneStageValuesUpTo + 1)]
    [InlineData(1100)]
    public void Eigenvalues_without_vectors_match_the_closed_form_and_the_solver_with_vectors(int n)
    {
        var backend = new NativeBackend();
        var values = new double[n];
        backend.SymmetricEigen(n, SecondDifference(n), values, computeVectors: false);
        for (var k = 0; k < n; k++) Assert.Equal(2 - (2 * Math.Cos((k + 1) * Math.PI / (n + 1))), values[k], 4e-12); // 1e-12 of the largest eigenvalue, which is below 4

        var symmetric = RandomSymmetric(n, 17);
        var alone = new double[n];
        var withVectors = new double[n];
        backend.SymmetricEigen(n, (double[])symmetric.Clone(), alone, computeVectors: false);
        backend.SymmetricEigen(n, symmetric, withVectors, computeVectors: true);
        var scale = withVectors.Max(Math.Abs);
        for (var k = 0; k < n; k++) Assert.Equal(withVectors[k], alone[k], 1e-12 * scale);
    }
}
