"""The book's figures as a learner types them in a notebook (ch. 3-4 code, pyplot style).

Each constant is complete, runnable code: ui.figures_mpl.book_figure shows it and draws the
figure by running exactly this text (Agg backend), so what is shown is what drew the picture.
Both gradient figures start from the book's one central-difference loop (its gradient_2d.py,
which gradient_method.py imports), written once in ``_numerical_gradient``.
"""


def _numerical_gradient(name: str) -> str:
    """The book's numerical gradient of f at a 1-D x, one entry at a time, as the code that
    defines it under ``name``."""
    return f"""\
def {name}(f, x):
    h = 1e-4  # 0.0001
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)  # f(x+h)
        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
    return grad"""


ACTIVATIONS = """\
import numpy as np
import matplotlib.pyplot as plt


def step_function(x):
    return np.array(x > 0, dtype=np.int32)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


x = np.arange(-5.0, 5.0, 0.1)
plt.plot(x, step_function(x), linestyle="--", label="step")
plt.plot(x, sigmoid(x), label="sigmoid")
plt.plot(x, relu(x), linestyle=":", label="ReLU")
plt.ylim(-0.1, 1.1)
plt.title("Step, Sigmoid and ReLU")
plt.xlabel("x")
plt.ylabel("h(x)")
plt.legend()
plt.show()
"""

NUMERICAL_DIFF = """\
import numpy as np
import matplotlib.pylab as plt


def function_1(x):
    return 0.01 * x ** 2 + 0.1 * x


def numerical_diff(f, x):
    h = 1e-4  # 0.0001
    return (f(x + h) - f(x - h)) / (2 * h)


def tangent_line(f, x):
    d = numerical_diff(f, x)
    y = f(x) - d * x
    return lambda t: d * t + y


x = np.arange(0.0, 20.0, 0.1)
y = function_1(x)
tf = tangent_line(function_1, 5)
y2 = tf(x)

plt.xlabel("x")
plt.ylabel("f(x)")
plt.plot(x, y)
plt.plot(x, y2)
plt.show()
"""

GRADIENT_QUIVER = f"""\
import numpy as np
import matplotlib.pylab as plt


{_numerical_gradient("_numerical_gradient_no_batch")}


def numerical_gradient(f, X):
    if X.ndim == 1:
        return _numerical_gradient_no_batch(f, X)
    grad = np.zeros_like(X)
    for idx, x in enumerate(X):
        grad[idx] = _numerical_gradient_no_batch(f, x)
    return grad


def function_2(x):
    if x.ndim == 1:
        return np.sum(x ** 2)
    return np.sum(x ** 2, axis=1)


x0 = np.arange(-2, 2.5, 0.25)
x1 = np.arange(-2, 2.5, 0.25)
X, Y = np.meshgrid(x0, x1)
X = X.flatten()
Y = Y.flatten()

grad = numerical_gradient(function_2, np.array([X, Y]))

plt.figure()
plt.quiver(X, Y, -grad[0], -grad[1], angles="xy", color="#666666")
plt.xlim([-2, 2])
plt.ylim([-2, 2])
plt.xlabel("x0")
plt.ylabel("x1")
plt.grid()
plt.show()
"""

GRADIENT_DESCENT = f"""\
import numpy as np
import matplotlib.pylab as plt


{_numerical_gradient("numerical_gradient")}


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    x_history = []
    for i in range(step_num):
        x_history.append(x.copy())
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x, np.array(x_history)


def function_2(x):
    return x[0] ** 2 + x[1] ** 2


init_x = np.array([-3.0, 4.0])
lr = 0.1
step_num = 20
x, x_history = gradient_descent(function_2, init_x, lr=lr, step_num=step_num)

plt.plot([-5, 5], [0, 0], "--b")
plt.plot([0, 0], [-5, 5], "--b")
plt.plot(x_history[:, 0], x_history[:, 1], "o")
plt.xlim(-3.5, 3.5)
plt.ylim(-4.5, 4.5)
plt.xlabel("X0")
plt.ylabel("X1")
plt.show()
"""
