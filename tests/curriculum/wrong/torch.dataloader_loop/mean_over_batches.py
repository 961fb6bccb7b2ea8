# Wrong: averages the batch losses over the number of batches, which over-weights a smaller
# last batch.
def train_epoch(model, loader, loss_fn, optimizer):
    model.train()
    losses = []
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    if not losses:
        raise ValueError("the loader is empty")
    return sum(losses) / len(losses)
