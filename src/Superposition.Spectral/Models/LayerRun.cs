namespace Superposition.Spectral.Models;

/// <summary>What the layers of one model analysis share while they run: memory, BLAS threads, checkpoints and the clock.</summary>
internal sealed record LayerRun(MemoryBudget Budget, BlasThreadGovernor Threads, ILayerCheckpoint? Checkpoint, ProgressClock Clock);
