using static Superposition.Spectral.Tests.LinearAlgebra.TestMatrices;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>
/// Thin SVD. V is not returned, so it is rebuilt as v_k = Aᵀ u_k / σ_k: then A = U S Vᵀ and VᵀV = I hold
/// exactly when (U, S) is a correct SVD. Tolerances 64 · rows · ε · ‖A‖_F (relative to ‖A‖ where stated).
/// </summary>
public sealed class ThinSvdTests
{
    public static TheoryData<string, int, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var backend in TestBackends.Names())
            {
                foreach (var (rows, cols) in new[] { (1, 1), (2, 2), (7, 2), (64, 7), (200, 64), (64, 64) })
                {
                    data.Add(backend, rows, cols);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Svd_reconstructs_A_with_orthonormal_factors(string backend, int rows, int cols)
    {
        var a = Random(rows, cols, seed: (100 * rows) + cols);
        var s = new double[cols];
        var u = new double[rows * cols];

        TestBackends.Create(backend).ThinSvd(rows, cols, (double[])a.Clone(), s, u);

        var tolerance = 64 * rows * Eps64 * FrobeniusNorm(a);
        Assert.True(OrthonormalityError(rows, cols, u) <= 64 * rows * Eps64, "UᵀU differs from I");
        for (var k = 0; k < cols; k++)
        {
            Assert.True(s[k] >= 0, "negative singular value");
            Assert.True(k == 0 || s[k - 1] >= s[k], $"singular value {k - 1} < singular value {k}");
        }

        // Vᵀ = S⁻¹ Uᵀ A (random A has full column rank almost surely; σ_min is far from 0 here).
        var utA = NaiveGemm(true, false, cols, cols, rows, u, a);
        var vt = new double[cols * cols];
        for (var j = 0; j < cols; j++)
        {
            for (var k = 0; k < cols; k++)
            {
                vt[k + (j * cols)] = utA[k + (j * cols)] / s[k];
            }
        }

        Assert.True(OrthonormalityError(cols, cols, Transpose(cols, cols, vt)) <= 1e-10, "V is not orthogonal");
        var us = (double[])u.Clone();
        for (var k = 0; k < cols; k++)
        {
            for (var i = 0; i < rows; i++)
            {
                us[i + (k * rows)] *= s[k];
            }
        }

        Assert.True(MaxAbsDiff(a, NaiveGemm(false, false, rows, cols, cols, us, vt)) <= tolerance, "U S Vᵀ differs from A");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Singular_values_are_square_roots_of_the_eigenvalues_of_AtA(string backend, int rows, int cols)
    {
        var a = Random(rows, cols, seed: (300 * rows) + cols);
        var s = new double[cols];
        var sut = TestBackends.Create(backend);
        sut.ThinSvd(rows, cols, (double[])a.Clone(), s, new double[rows * cols]);

        // AᵀA by the triple loop (independent of the backend's GEMM); eigenvalues ascending, σ descending.
        var ata = NaiveGemm(true, false, cols, cols, rows, a, a);
        var lambda = new double[cols];
        sut.SymmetricEigen(cols, ata, lambda, computeVectors: false);

        var fromEigen = lambda.Reverse().Select(x => Math.Sqrt(Math.Max(0, x))).ToArray();
        var norm = FrobeniusNorm(a);
        for (var k = 0; k < cols; k++)
        {
            // σ² agrees to ε ‖A‖²; √ loses relative accuracy for small σ, so compare squares.
            Assert.True(Math.Abs((s[k] * s[k]) - (fromEigen[k] * fromEigen[k])) <= 64 * rows * Eps64 * norm * norm, $"σ_{k}² ≠ λ_{k}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Singular_values_of_a_fixed_matrix_match_numpy(string backend)
    {
        // numpy 1.24: np.linalg.svd([[3,1,2],[1,-2,0],[4,0,1],[2,5,-1]], compute_uv=False)
        double[] a = [3, 1, 4, 2, 1, -2, 0, 5, 2, 0, 1, -1];
        var s = new double[3];

        TestBackends.Create(backend).ThinSvd(4, 3, a, s, new double[12]);

        Assert.Equal(6.432923348604609, s[0], 1e-13);
        Assert.Equal(4.745365721680592, s[1], 1e-13);
        Assert.Equal(1.4487930695846452, s[2], 1e-13);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Rank_deficient_matrix_still_gets_orthonormal_U_and_zero_singular_values(string backend)
    {
        // Two equal columns and a zero column: rank 1, σ = (‖c‖ √2, 0, 0).
        const int rows = 5;
        double[] column = [1, -2, 0.5, 3, 1];
        var a = new double[rows * 3];
        column.CopyTo(a, 0);
        column.CopyTo(a, rows);
        var s = new double[3];
        var u = new double[rows * 3];

        TestBackends.Create(backend).ThinSvd(rows, 3, a, s, u);

        Assert.Equal(Math.Sqrt(2 * column.Sum(x => x * x)), s[0], 1e-13);
        Assert.True(Math.Abs(s[1]) <= 1e-14 && Math.Abs(s[2]) <= 1e-14, "expected two zero singular values");
        Assert.True(OrthonormalityError(rows, 3, u) <= 1e-14, "UᵀU differs from I");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Wide_matrix_is_rejected(string backend)
    {
        var e = Assert.Throws<SuperpositionException>(() => TestBackends.Create(backend).ThinSvd(2, 3, new double[6], new double[3], new double[6]));

        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    public static TheoryData<string> Backends => TestBackends.All();

    private static double[] Transpose(int rows, int cols, double[] x)
    {
        var t = new double[x.Length];
        for (var j = 0; j < cols; j++)
        {
            for (var i = 0; i < rows; i++)
            {
                t[j + (i * cols)] = x[i + (j * rows)];
            }
        }

        return t;
    }
}
