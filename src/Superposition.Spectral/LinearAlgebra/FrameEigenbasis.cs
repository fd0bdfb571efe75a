namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// The eigenvectors of the frame operator F = W Wᵀ (m × m) in descending order of eigenvalue, for comparing the
/// eigenspaces of two frames. W is m × n column-major as in <see cref="Measures.FrameInput"/>.
/// </summary>
public sealed record FrameEigenbasis(int M, double[] Eigenvalues, double[] Vectors)
{
    public static FrameEigenbasis Of(int m, int n, double[] weights, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(backend);
        if (weights.Length != (long)m * n)
        {
            throw Fail.InvalidArgument("frame weights length", weights.Length, $"{(long)m * n} (m·n)");
        }

        var f = new double[m * m];
        backend.Syrk(m, n, weights, f);
        var ascending = new double[m];
        backend.SymmetricEigen(m, f, ascending, computeVectors: true);
        var values = new double[m];
        var vectors = new double[m * m];
        for (int k = 0; k < m; k++)
        {
            values[k] = Math.Max(0, ascending[m - 1 - k]);
            Array.Copy(f, (m - 1 - k) * m, vectors, k * m, m);
        }

        return new FrameEigenbasis(m, values, vectors);
    }

    /// <summary>The first k eigenvectors (those of the k largest eigenvalues), m × k column-major.</summary>
    public double[] Top(int k)
    {
        if (k < 1 || k > M)
        {
            throw Fail.InvalidArgument("eigenspace dimension k", k, $"1 ≤ k ≤ m = {M}");
        }

        return Vectors[..(M * k)];
    }
}
