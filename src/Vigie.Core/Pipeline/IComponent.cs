using Vigie.Model;

namespace Vigie.Pipeline;

/// <summary>
/// One step of the pipeline: reads the layers named in <see cref="Requires"/> and assigns
/// those in <see cref="Assigns"/>. Components must be thread-safe (one instance serves all documents).
/// </summary>
public interface IComponent
{
    string Name { get; }
    IReadOnlyList<Type> Requires { get; }
    IReadOnlyList<Type> Assigns { get; }
    void Process(Document doc);
}

/// <summary>A pipeline of components run in order over each document.</summary>
public sealed class Pipeline
{
    private readonly List<IComponent> _components;

    public Pipeline(IEnumerable<IComponent> components)
    {
        _components = components.ToList();
        var assigned = new HashSet<Type>();
        foreach (var c in _components)
        {
            foreach (var r in c.Requires)
                if (!assigned.Contains(r))
                    throw new InvalidOperationException($"VIG-P001: component '{c.Name}' requires layer {r.Name}, which no earlier component assigns");
            foreach (var a in c.Assigns) assigned.Add(a);
        }
    }

    public IReadOnlyList<IComponent> Components => _components;

    public Document Run(Document doc)
    {
        foreach (var c in _components) c.Process(doc);
        return doc;
    }
}
