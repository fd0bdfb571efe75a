using Superposition.Tests.Shared;

namespace Superposition.Runtime.Tests.PublicApi;

/// <summary>The public API of Superposition.Runtime is the approved one (see <see cref="PublicApiApproval"/> to re-approve).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(Superposition.Runtime.OrtSession).Assembly, "Superposition.Runtime.Tests");
}
