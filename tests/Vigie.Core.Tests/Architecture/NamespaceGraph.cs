using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace Vigie.Tests.Architecture;

/// <summary>
/// Which namespace of an assembly uses which, read from the compiled types by NetArchTest's dependency search:
/// for each namespace, the types that refer to one of its types (in signatures, bodies or attributes) name the
/// namespaces that depend on it. Only namespaces under <c>root</c> are nodes.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Namespaces => _edges.Keys;

    public IReadOnlySet<string> DependenciesOf(string ns) => _edges.TryGetValue(ns, out var s) ? s : new SortedSet<string>();

    public static NamespaceGraph Of(System.Reflection.Assembly assembly, string root)
    {
        var graph = new NamespaceGraph();
        var byNamespace = assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal))
                        && t.GetCustomAttribute<CompilerGeneratedAttribute>() == null)
            .GroupBy(t => t.Namespace!);
        foreach (var group in byNamespace)
        {
            graph._edges.TryAdd(group.Key, new SortedSet<string>(StringComparer.Ordinal));
            var names = group.Select(t => t.FullName!).ToArray();
            var users = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(names).GetResult();
            foreach (var user in users.FailingTypes ?? [])
            {
                var from = user.Namespace;
                if (from == null || from == group.Key || !(from == root || from.StartsWith(root + ".", StringComparison.Ordinal))) continue;
                if (!graph._edges.TryGetValue(from, out var set)) graph._edges[from] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(group.Key);
            }
        }
        return graph;
    }

    /// <summary>The groups of namespaces that depend on each other (strongly connected components of two or more),
    /// each as a path that closes on its first namespace; empty when the graph has no cycle.</summary>
    public List<List<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var groups = new List<List<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in DependenciesOf(v))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); group.Add(x); } while (x != v);
            if (group.Count > 1) groups.Add(group);
        }

        foreach (var v in _edges.Keys)
            if (!index.ContainsKey(v)) Visit(v);
        return groups.Select(PathThrough).ToList();
    }

    /// <summary>A closed path through a group of mutually dependent namespaces, for the failure message.</summary>
    private List<string> PathThrough(List<string> group)
    {
        var members = group.ToHashSet();
        var start = group.Min(StringComparer.Ordinal)!;
        // breadth-first from the start back to itself inside the group
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in DependenciesOf(v).Where(members.Contains))
            {
                if (w == start)
                {
                    var path = new List<string> { start };
                    for (var x = v; x != start; x = previous[x]) path.Insert(1, x);
                    path.Add(start);
                    return path;
                }
                if (previous.TryAdd(w, v)) queue.Enqueue(w);
            }
        }
        return [.. group, group[0]];
    }

    public override string ToString() =>
        string.Join("\n", _edges.Select(e => $"{e.Key} -> {string.Join(", ", e.Value)}"));
}
