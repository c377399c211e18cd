namespace Vigie.Model;

/// <summary>
/// The annotation layers of a document, one list per annotation type (tokens, sentences,
/// number mentions, …). A component reads the layers earlier components assigned and sets its own.
/// </summary>
public sealed class AnnotationLayers
{
    private readonly Dictionary<Type, object> _layers = new();

    /// <summary>
    /// When set, told of every read and write before it happens, and may refuse it by throwing; the pipeline sets one
    /// per component when it checks what components declare (see <c>Pipeline.CheckLayerAccess</c>). Null otherwise.
    /// </summary>
    public ILayerGuard? Guard { get; set; }

    public bool Has<T>()
    {
        Guard?.Reading(typeof(T));
        return _layers.ContainsKey(typeof(T));
    }

    /// <summary>The layer of <typeparamref name="T"/>, or an empty list when no component assigned it.</summary>
    public IReadOnlyList<T> Get<T>()
    {
        Guard?.Reading(typeof(T));
        return _layers.TryGetValue(typeof(T), out var o) ? (List<T>)o : [];
    }

    public void Set<T>(List<T> items)
    {
        Guard?.Writing(typeof(T));
        _layers[typeof(T)] = items;
    }

    /// <summary>A single-valued layer (e.g. the extraction result).</summary>
    public T? GetOne<T>() where T : class
    {
        Guard?.Reading(typeof(T));
        return _layers.TryGetValue(typeof(T), out var o) ? (T)o : null;
    }

    public void SetOne<T>(T value) where T : class
    {
        Guard?.Writing(typeof(T));
        _layers[typeof(T)] = value;
    }

    public IEnumerable<Type> Types => _layers.Keys;
}

/// <summary>Watches the reads and writes of <see cref="AnnotationLayers"/> (e.g. to hold a component to the layers it declares).</summary>
public interface ILayerGuard
{
    /// <summary>Before a layer of <paramref name="layer"/> is read (or its presence tested).</summary>
    void Reading(Type layer);
    /// <summary>Before a layer of <paramref name="layer"/> is set.</summary>
    void Writing(Type layer);
}
