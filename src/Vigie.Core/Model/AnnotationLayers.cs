namespace Vigie.Model;

/// <summary>
/// The annotation layers of a document, one list per annotation type (tokens, sentences,
/// number mentions, …). A component reads the layers earlier components assigned and sets its own.
/// </summary>
public sealed class AnnotationLayers
{
    private readonly Dictionary<Type, object> _layers = new();

    public bool Has<T>() => _layers.ContainsKey(typeof(T));

    /// <summary>The layer of <typeparamref name="T"/>, or an empty list when no component assigned it.</summary>
    public IReadOnlyList<T> Get<T>() => _layers.TryGetValue(typeof(T), out var o) ? (List<T>)o : [];

    public void Set<T>(List<T> items) => _layers[typeof(T)] = items;

    /// <summary>A single-valued layer (e.g. the extraction result).</summary>
    public T? GetOne<T>() where T : class => _layers.TryGetValue(typeof(T), out var o) ? (T)o : null;

    public void SetOne<T>(T value) where T : class => _layers[typeof(T)] = value;

    public IEnumerable<Type> Types => _layers.Keys;
}
