namespace Superposition.Spectral.Measures;

/// <summary>
/// The association-scheme test of one cluster (MATH.md section 3): relation matrices A_c, 1 where ŵ_i·ŵ_j ≈ c (the diagonal
/// included, so c = 1 holds the identity), must have constant row sums, contain the identity, and span an algebra closed
/// under products (each A_a A_b constant on every relation); a tight cluster's scaled Gram (k/n_C)·G_C must be idempotent.
/// </summary>
/// <param name="Passed">Every check below passed (the idempotency check only counts when it applies).</param>
/// <param name="Relations">Distinct values of ŵ_i·ŵ_j over all pairs, the diagonal included, ascending.</param>
/// <param name="Valencies">Row sum of each relation matrix when it is constant, else null (one entry per relation).</param>
/// <param name="ConstantValencies">Every relation matrix has constant row sums.</param>
/// <param name="IdentityInSpan">The diagonal forms a relation of its own (no off-diagonal cosine ≈ 1).</param>
/// <param name="ClosedUnderProducts">Every product A_a A_b is constant on every relation (a Bose–Mesner algebra).</param>
/// <param name="ProductViolations">Pairs (a, b) whose product is not constant on some relation.</param>
/// <param name="IdempotencyResidual">‖P² − P‖_F / ‖P‖_F of P = (k/n_C)·G_C; null when not computed.</param>
/// <param name="Idempotent">Residual within the tolerance; null when the cluster is not tight (the check does not apply).</param>
/// <param name="Parts">For a tegum (orthogonal sum): the test of each part, else empty.</param>
/// <param name="Reason">Why the test failed or was not run, else null.</param>
public sealed record SchemeTest(
    bool Passed,
    IReadOnlyList<double> Relations,
    IReadOnlyList<int?> Valencies,
    bool ConstantValencies,
    bool IdentityInSpan,
    bool ClosedUnderProducts,
    int ProductViolations,
    double? IdempotencyResidual,
    bool? Idempotent,
    IReadOnlyList<SchemeTest> Parts,
    string? Reason);
