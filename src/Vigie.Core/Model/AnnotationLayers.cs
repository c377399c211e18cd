namespace Vigie.Model;

/// <summary>
/// The annotation layers of a document, one list per annotation type (tokens, sentences,
/// number mentions, …). A component reads the layers earlier components assigned and sets its own.
/// </summary>
public sealed class AnnotationLayers
{
    /// <summary>The slot of each layer type, numbered on first use, so that a layer is read from an array by a number its
    /// type holds (no hashing of the type per read).</summary>
    private static int _slotCount;

    private static class Slot<T>
    {
        public static readonly int Index = Interlocked.Increment(ref _slotCount) - 1;
    }

    private object?[] _layers = new object?[24];
    private bool[] _present = new bool[24];
    /// <summary>The types set, in the order they were first set.</summary>
    private readonly List<Type> _types = [];

    /// <summary>
    /// When set, told of every read and write before it happens, and may refuse it by throwing; the pipeline sets one
    /// per component when it checks what components declare (see <c>Pipeline.CheckLayerAccess</c>). Null otherwise.
    /// </summary>
    public ILayerGuard? Guard { get; set; }

    public bool Has<T>()
    {
        Guard?.Reading(typeof(T));
        var i = Slot<T>.Index;
        return i < _present.Length && _present[i];
    }

    /// <summary>The layer of <typeparamref name="T"/>, or an empty list when no component assigned it.</summary>
    public IReadOnlyList<T> Get<T>()
    {
        Guard?.Reading(typeof(T));
        var i = Slot<T>.Index;
        return i < _present.Length && _present[i] ? (List<T>)_layers[i]! : [];
    }

    public void Set<T>(List<T> items)
    {
        Guard?.Writing(typeof(T));
        Put(Slot<T>.Index, typeof(T), items);
    }

    /// <summary>A single-valued layer (e.g. the extraction result).</summary>
    public T? GetOne<T>() where T : class
    {
        Guard?.Reading(typeof(T));
        var i = Slot<T>.Index;
        return i < _present.Length && _present[i] ? (T?)_layers[i] : null;
    }

    public void SetOne<T>(T value) where T : class
    {
        Guard?.Writing(typeof(T));
        Put(Slot<T>.Index, typeof(T), value);
    }

    private void Put(int i, Type type, object? value)
    {
        if (i >= _present.Length)
        {
            var size = Math.Max(i + 1, _present.Length * 2);
            Array.Resize(ref _layers, size);
            Array.Resize(ref _present, size);
        }
        if (!_present[i]) _types.Add(type);
        _layers[i] = value;
        _present[i] = true;
    }

    public IEnumerable<Type> Types => _types;
}

/// <summary>Watches the reads and writes of <see cref="AnnotationLayers"/> (e.g. to hold a component to the layers it declares).</summary>
public interface ILayerGuard
{
    /// <summary>Before a layer of <paramref name="layer"/> is read (or its presence tested).</summary>
    void Reading(Type layer);
    /// <summary>Before a layer of <paramref name="layer"/> is set.</summary>
    void Writing(Type layer);
}
