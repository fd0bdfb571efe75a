namespace Superposition.Spectral.Pipeline;

/// <summary>
/// Per-layer results kept between runs (<c>analyze --resume</c>): a layer found here is not analysed again, and every
/// layer analysed is saved as soon as it is done, so an interrupted run loses at most the layers in flight.
/// </summary>
public interface ILayerCheckpoint
{
    /// <summary>The saved result of the layer named <paramref name="name"/>, or null.</summary>
    LayerAnalysis? TryLoad(string name);

    /// <summary>Saves one finished layer (atomically: a crash leaves either the old state or the new file).</summary>
    void Save(LayerAnalysis layer);
}
