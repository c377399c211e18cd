using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Pipeline;

/// <summary>
/// A pipeline of components run in order over each document. Built, it checks the order: every layer a component
/// requires is assigned by an earlier one (VIG-P001), and no layer a component may read is assigned only later
/// (VIG-P002). With <see cref="CheckLayerAccess"/> on, it also holds each component, while it runs, to the layers
/// it declares: any other read or write throws (VIG-P003). The tests turn that on.
/// </summary>
public sealed class Pipeline
{
    /// <summary>The switch (an <see cref="AppContext"/> switch, set in a project's runtimeconfig) that turns the run-time check on by default.</summary>
    public const string CheckLayerAccessSwitch = "Vigie.Pipeline.CheckLayerAccess";

    private readonly List<IComponent> _components;
    private readonly Guard[]? _guards;

    /// <param name="checkLayerAccess">Hold components to their declared layers while they run; null: as the
    /// <see cref="CheckLayerAccessSwitch"/> switch says (off when unset).</param>
    public Pipeline(IEnumerable<IComponent> components, bool? checkLayerAccess = null)
    {
        _components = components.ToList();
        var assigned = new HashSet<Type>();
        for (var i = 0; i < _components.Count; i++)
        {
            var c = _components[i];
            foreach (var r in c.Requires)
                if (!assigned.Contains(r))
                    throw new InvalidOperationException(ErrorCatalogue.PipelineOrder.Message(c.Name, r.Name));
            foreach (var m in c.MayRead)
                if (!assigned.Contains(m) && _components.Skip(i + 1).FirstOrDefault(later => later.Assigns.Contains(m)) is { } later)
                    throw new InvalidOperationException(ErrorCatalogue.PipelineReadsLater.Message(c.Name, m.Name, later.Name));
            foreach (var a in c.Assigns) assigned.Add(a);
        }
        CheckLayerAccess = checkLayerAccess ?? (AppContext.TryGetSwitch(CheckLayerAccessSwitch, out var on) && on);
        if (CheckLayerAccess) _guards = _components.Select(c => new Guard(c)).ToArray();
    }

    public IReadOnlyList<IComponent> Components => _components;

    /// <summary>Whether each component is held to its declared layers while it runs.</summary>
    public bool CheckLayerAccess { get; }

    public Document Run(Document doc)
    {
        if (_guards == null)
        {
            foreach (var c in _components) c.Process(doc);
            return doc;
        }
        var outer = doc.Layers.Guard;
        try
        {
            for (var i = 0; i < _components.Count; i++)
            {
                doc.Layers.Guard = _guards[i];
                _components[i].Process(doc);
            }
        }
        finally { doc.Layers.Guard = outer; }
        return doc;
    }

    /// <summary>Refuses the reads and writes of layers a component does not declare.</summary>
    private sealed class Guard(IComponent component) : ILayerGuard
    {
        private readonly HashSet<Type> _reads = [.. component.Requires, .. component.MayRead, .. component.Assigns];
        private readonly HashSet<Type> _writes = [.. component.Assigns];

        public void Reading(Type layer)
        {
            if (!_reads.Contains(layer))
                throw new InvalidOperationException(ErrorCatalogue.UndeclaredLayer.Message(component.Name, "reads", layer.Name, "Requires, MayRead or Assigns"));
        }

        public void Writing(Type layer)
        {
            if (!_writes.Contains(layer))
                throw new InvalidOperationException(ErrorCatalogue.UndeclaredLayer.Message(component.Name, "writes", layer.Name, "Assigns"));
        }
    }
}
