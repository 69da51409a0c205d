namespace CxAsCode.Sandbox.Store;

/// <summary>A sorted set that also answers "the items from rank r on" in O(log n + page): a treap whose
/// nodes count their subtree. Lists page through it without sorting or scanning per request, so a page
/// costs the same at 50,000 objects as at 50 (issue 11: the sandbox must scale to the benchmark org).</summary>
internal sealed class OrderedIndex<T>(IComparer<T> comparer)
{
    private Node? _root;
    private uint _seed = 2463534242;

    public int Count => Size(_root);

    /// <summary>Adds an item that is not in the index yet (the caller keeps keys unique).</summary>
    public void Add(T item)
    {
        var (left, right) = Split(_root, item);
        _root = Merge(Merge(left, new Node(item, NextPriority())), right);
    }

    public bool Remove(T item)
    {
        var removed = false;
        _root = Remove(_root, item, ref removed);
        return removed;
    }

    /// <summary>The items in order, starting at 0-based <paramref name="rank"/>.</summary>
    public IEnumerable<T> From(int rank)
    {
        var path = new Stack<Node>();
        var node = _root;
        while (node is not null)
        {
            var leftSize = Size(node.Left);
            if (rank < leftSize)
            {
                path.Push(node);
                node = node.Left;
            }
            else if (rank == leftSize)
            {
                path.Push(node);
                break;
            }
            else
            {
                rank -= leftSize + 1;
                node = node.Right;
            }
        }

        while (path.Count > 0)
        {
            var current = path.Pop();
            yield return current.Item;
            for (var next = current.Right; next is not null; next = next.Left)
            {
                path.Push(next);
            }
        }
    }

    private Node? Remove(Node? node, T item, ref bool removed)
    {
        if (node is null)
        {
            return null;
        }

        var order = comparer.Compare(item, node.Item);
        if (order == 0)
        {
            removed = true;
            return Merge(node.Left, node.Right);
        }

        if (order < 0)
        {
            node.Left = Remove(node.Left, item, ref removed);
        }
        else
        {
            node.Right = Remove(node.Right, item, ref removed);
        }

        node.Update();
        return node;
    }

    /// <summary>Items below <paramref name="key"/> go left, the rest right.</summary>
    private (Node? Left, Node? Right) Split(Node? node, T key)
    {
        if (node is null)
        {
            return (null, null);
        }

        if (comparer.Compare(node.Item, key) < 0)
        {
            var (left, right) = Split(node.Right, key);
            node.Right = left;
            node.Update();
            return (node, right);
        }
        else
        {
            var (left, right) = Split(node.Left, key);
            node.Left = right;
            node.Update();
            return (left, node);
        }
    }

    private static Node? Merge(Node? left, Node? right)
    {
        if (left is null || right is null)
        {
            return left ?? right;
        }

        if (left.Priority > right.Priority)
        {
            left.Right = Merge(left.Right, right);
            left.Update();
            return left;
        }

        right.Left = Merge(left, right.Left);
        right.Update();
        return right;
    }

    private static int Size(Node? node) => node?.Size ?? 0;

    /// <summary>Xorshift: balance only needs priorities that look random, not secure ones.</summary>
    private uint NextPriority()
    {
        _seed ^= _seed << 13;
        _seed ^= _seed >> 17;
        _seed ^= _seed << 5;
        return _seed;
    }

    private sealed class Node(T item, uint priority)
    {
        public T Item { get; } = item;

        public uint Priority { get; } = priority;

        public Node? Left { get; set; }

        public Node? Right { get; set; }

        public int Size { get; private set; } = 1;

        public void Update() => Size = 1 + OrderedIndex<T>.Size(Left) + OrderedIndex<T>.Size(Right);
    }
}
