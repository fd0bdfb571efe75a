namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// The few dense linear-algebra kernels the spectral engine lives on. Matrices are flat arrays in
/// column-major order (element (i, j) of an r × c matrix at <c>i + j * r</c>), as LAPACK expects, so the
/// native backend passes them through without copies.
/// </summary>
public interface ILinearAlgebraBackend
{
    /// <summary>Name shown in every output, e.g. "native (OpenBLAS via libopenblas.so.0)" or "managed (MathNet.Numerics 5.0.0)".</summary>
    string Name { get; }

    /// <summary>
    /// Symmetric eigendecomposition of the n × n matrix <paramref name="a"/> (only its lower triangle is read).
    /// Writes the eigenvalues in ascending order to <paramref name="eigenvalues"/> (length n). When
    /// <paramref name="computeVectors"/> is true, <paramref name="a"/> is overwritten with the orthonormal
    /// eigenvectors as columns, in the order of the eigenvalues; otherwise its contents are unspecified afterwards.
    /// </summary>
    void SymmetricEigen(int n, double[] a, double[] eigenvalues, bool computeVectors);

    /// <summary>Single-precision variant of <see cref="SymmetricEigen(int, double[], double[], bool)"/>.</summary>
    void SymmetricEigen(int n, float[] a, float[] eigenvalues, bool computeVectors);

    /// <summary>
    /// C = A Aᵀ for A of size rows × k (column-major); C is rows × rows and receives the full symmetric
    /// matrix (both triangles).
    /// </summary>
    void Syrk(int rows, int k, double[] a, double[] c);

    /// <summary>C = op(A) op(B), with op(X) = X or Xᵀ; C is m × n, the shared dimension is k.</summary>
    void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double[] a, double[] b, double[] c);

    /// <summary>Single-precision <see cref="Gemm(bool, bool, int, int, int, double[], double[], double[])"/> (used as the speed reference).</summary>
    void Gemm(bool transposeA, bool transposeB, int m, int n, int k, float[] a, float[] b, float[] c);

    /// <summary>
    /// Thin SVD of the tall matrix A (rows × cols, rows ≥ cols, column-major): writes the singular values in
    /// descending order to <paramref name="singularValues"/> (length cols) and the left singular vectors to
    /// <paramref name="u"/> (rows × cols, column-major). <paramref name="a"/> may be overwritten.
    /// </summary>
    void ThinSvd(int rows, int cols, double[] a, double[] singularValues, double[] u);
}
