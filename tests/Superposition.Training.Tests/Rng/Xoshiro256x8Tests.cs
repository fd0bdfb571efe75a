using Superposition.Training.Rng;

namespace Superposition.Training.Tests.Rng;

public sealed class Xoshiro256x8Tests
{
    [Fact]
    public void Every_lane_is_the_scalar_generator_with_that_lanes_state()
    {
        var state = new ulong[32];
        var seeder = new Xoshiro256(42);
        for (int j = 0; j < 32; j++) state[j] = seeder.NextUInt64();
        var vector = Xoshiro256x8.FromState(state);
        var lanes = Enumerable.Range(0, 8).Select(j => Xoshiro256.FromState(state[j], state[8 + j], state[16 + j], state[24 + j])).ToArray();
        for (int step = 0; step < 100; step++)
        {
            var v = vector.Next();
            for (int j = 0; j < 8; j++) Assert.Equal(lanes[j].NextUInt64(), v[j]);
        }
    }
}
