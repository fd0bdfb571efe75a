namespace Superposition.Spectral.Pipeline;

/// <summary>What the layers of one model analysis share while they run: memory, checkpoints and the clock.</summary>
internal sealed record LayerRun(MemoryBudget Budget, ILayerCheckpoint? Checkpoint, ProgressClock Clock);
