using Vigie.Model;

namespace Vigie.Pipeline;

/// <summary>
/// One step of the pipeline: reads the layers named in <see cref="Requires"/> (and, when present, those of
/// <see cref="MayRead"/>) and sets or adds to those in <see cref="Assigns"/>. Components must be thread-safe
/// (one instance serves all documents).
/// </summary>
public interface IComponent
{
    string Name { get; }
    /// <summary>Layers an earlier component must assign.</summary>
    IReadOnlyList<Type> Requires { get; }
    /// <summary>Layers the component sets, or adds to (the <see cref="ExtractionResult"/>); it may read them too.</summary>
    IReadOnlyList<Type> Assigns { get; }
    /// <summary>Layers read when an earlier component (or the caller) put them there, and left aside otherwise.</summary>
    IReadOnlyList<Type> MayRead => [];
    void Process(Document doc);
}
