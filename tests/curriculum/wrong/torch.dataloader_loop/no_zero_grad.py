# Wrong: no optimizer.zero_grad(), so the gradients of all earlier batches pile up in p.grad.
def train_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, n = 0.0, 0
    for X, y in loader:
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(X)
        n += len(X)
    if n == 0:
        raise ValueError("the loader is empty")
    return total / n
