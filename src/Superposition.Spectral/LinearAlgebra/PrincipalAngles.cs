namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// Principal angles between two k-dimensional subspaces of R^m given by orthonormal bases U and V (m × k,
/// column-major): θ_1 ≤ … ≤ θ_k with cos θ_i the singular values of Uᵀ V. Small angles are read from the sines
/// (the singular values of V − U Uᵀ V) and large ones from the cosines (Björck and Golub, 1973), so both ends keep
/// full double precision instead of the √ε that acos near 1 would leave.
/// </summary>
public static class PrincipalAngles
{
    /// <summary>The k angles in radians, ascending. Throws when the bases do not have m·k entries.</summary>
    public static double[] Between(int m, int k, double[] u, double[] v, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(backend);
        if (m < 1 || k < 1 || k > m)
        {
            throw Fail.InvalidArgument("principal angles: subspace dimension k", k, $"1 ≤ k ≤ m = {m}");
        }

        if (u.Length != m * k || v.Length != m * k)
        {
            throw Fail.InvalidArgument("principal angles: basis length", $"{u.Length} and {v.Length}", $"{m * k} (m·k)");
        }

        var cross = new double[k * k];
        backend.Gemm(true, false, k, k, m, u, v, cross); // Uᵀ V
        var residual = new double[m * k];
        backend.Gemm(false, false, m, k, k, u, cross, residual); // U (Uᵀ V)
        for (int i = 0; i < residual.Length; i++) residual[i] = v[i] - residual[i];

        var cosines = SingularValues(k, k, cross, backend);   // descending
        var sines = SingularValues(m, k, residual, backend); // descending: the largest sine belongs to the smallest cosine
        var angles = new double[k];
        for (int i = 0; i < k; i++)
        {
            double c = Math.Clamp(cosines[i], 0, 1), s = Math.Clamp(sines[k - 1 - i], 0, 1);
            angles[i] = s < Math.Sqrt(0.5) ? Math.Asin(s) : Math.Acos(c);
        }

        Array.Sort(angles);
        return angles;
    }

    private static double[] SingularValues(int rows, int cols, double[] a, ILinearAlgebraBackend backend)
    {
        var values = new double[cols];
        var left = new double[rows * cols];
        backend.ThinSvd(rows, cols, (double[])a.Clone(), values, left);
        return values;
    }
}
