using Superposition.Runtime.Tests.Support;

namespace Superposition.Runtime.Tests.Sessions;

/// <summary>
/// Sessions opened and disposed in a loop, and failed calls in between, keep giving the right answers: the
/// managed API owns the native handles now, and these check that our wrapper disposes what it creates.
/// </summary>
public sealed class OrtSessionLifetimeTests
{
    [Fact]
    public void Hundreds_of_sessions_and_runs_return_the_same_sum()
    {
        var model = TestModels.Add();
        var x = OrtTensor.Create(new[] { 1f, 2f }, 2);
        var inputs = new Dictionary<string, OrtTensor> { ["X"] = x, ["Y"] = x };
        for (var i = 0; i < 300; i++)
        {
            using var session = OrtSession.FromBytes(model);
            Assert.Equal([2f, 4f], session.Run(inputs)["Z"].GetData<float>());
            Assert.False(session.IsDisposed);
        }
    }

    [Fact]
    public void Failed_runs_and_failed_loads_leave_the_session_usable()
    {
        using var session = OrtSession.FromBytes(TestModels.NegAbs());
        var wrongType = new Dictionary<string, OrtTensor> { ["X"] = OrtTensor.Create(new double[6], 2, 3) };
        var right = new Dictionary<string, OrtTensor> { ["X"] = OrtTensor.Create(new[] { -1f, 2f, -3f, 4f, -5f, 6f }, 2, 3) };

        for (var i = 0; i < 100; i++)
        {
            Assert.Throws<SuperpositionException>(() => session.Run(wrongType));
            Assert.Throws<SuperpositionException>(() => OrtSession.FromBytes([1, 2, 3]));
            Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], session.Run(right, ["Abs"])["Abs"].GetData<float>());
        }
    }

    [Fact]
    public void Dispose_twice_is_harmless()
    {
        var session = OrtSession.FromBytes(TestModels.NegAbs());
        session.Dispose();
        session.Dispose();

        Assert.True(session.IsDisposed);
    }
}
