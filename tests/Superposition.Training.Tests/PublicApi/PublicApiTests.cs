using Superposition.Tests.Shared;

namespace Superposition.Training.Tests.PublicApi;

/// <summary>The public API of Superposition.Training is the approved one (see <see cref="PublicApiApproval"/> to re-approve).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(Superposition.Training.ToyLab).Assembly, "Superposition.Training.Tests");
}
