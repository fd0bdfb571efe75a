using Superposition.Runtime.Native;
using Superposition.Runtime.Tests.Support;

namespace Superposition.Runtime.Tests.Sessions;

/// <summary>Counts live native handles, so it runs alone (other tests would change the count meanwhile).</summary>
[CollectionDefinition(nameof(OrtSessionLifetimeTests), DisableParallelization = true)]
public sealed class OrtSessionLifetimeCollection;

[Collection(nameof(OrtSessionLifetimeTests))]
public sealed class OrtSessionLifetimeTests
{
    [OrtFact]
    public void Thousand_sessions_and_runs_leave_no_native_handle_behind()
    {
        var model = TestModels.Add();
        var x = OrtTensor.Create(new[] { 1f, 2f }, 2);
        var inputs = new Dictionary<string, OrtTensor> { ["X"] = x, ["Y"] = x };
        using (var warmup = OrtSession.FromBytes(model))
        {
            warmup.Run(inputs);
        }

        var before = OrtHandle.LiveCount;
        for (var i = 0; i < 1000; i++)
        {
            using var session = OrtSession.FromBytes(model);
            var z = session.Run(inputs)["Z"];
            Assert.Equal([2f, 4f], z.GetData<float>());
        }

        Assert.Equal(before, OrtHandle.LiveCount);
    }

    [OrtFact]
    public void Thousand_runs_on_one_session_leave_no_native_handle_behind()
    {
        using var session = OrtSession.FromBytes(TestModels.NegAbs());
        var inputs = new Dictionary<string, OrtTensor> { ["X"] = OrtTensor.Create(new float[6], 2, 3) };
        session.Run(inputs);

        var before = OrtHandle.LiveCount;
        for (var i = 0; i < 1000; i++)
        {
            session.Run(inputs);
        }

        Assert.Equal(before, OrtHandle.LiveCount);
    }

    [OrtFact]
    public void Failed_runs_and_failed_loads_release_their_handles()
    {
        using var session = OrtSession.FromBytes(TestModels.NegAbs());
        var wrongType = new Dictionary<string, OrtTensor> { ["X"] = OrtTensor.Create(new double[6], 2, 3) };
        var before = OrtHandle.LiveCount;

        for (var i = 0; i < 100; i++)
        {
            Assert.Throws<SuperpositionException>(() => session.Run(wrongType));
            Assert.Throws<SuperpositionException>(() => OrtSession.FromBytes([1, 2, 3]));
        }

        Assert.Equal(before, OrtHandle.LiveCount);
    }
}
