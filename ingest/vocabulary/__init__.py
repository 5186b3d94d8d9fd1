"""What words and cells mean, from the data files in data/reference: labels, values and markers, periods, areas."""
