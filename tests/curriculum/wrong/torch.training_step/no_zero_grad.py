# Wrong: never clears the gradients, so from the second step on p.grad holds the sum of all
# the gradients so far.
def training_step(model, optimizer, loss_fn, X, y):
    if len(X) != len(y):
        raise ValueError("X and y differ in length")
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
