# The dashboard as a container. One image, two ways to run it (see README, "Deploying"):
#   public:  docker run -p 8501:8501 -v scwc-data:/app/data:ro scwc            (read-only, no sign-in)
#   editors: docker run -p 8502:8501 -v scwc-data:/app/data \
#              -v $PWD/secrets.toml:/app/.streamlit/secrets.toml:ro scwc       (sign-in; editors may add returns)
FROM python:3.11-slim-bookworm

# chromium: PNG export of charts (kaleido); tesseract: reading scanned PDF letters (OCR)
RUN apt-get update && apt-get install -y --no-install-recommends chromium tesseract-ocr \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 scwc
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
# data/processed is never copied (.dockerignore): the image builds its own, as the app user, so a later
# rebuild by an editor in a running container can replace what this one wrote
COPY --chown=scwc:scwc . .
USER scwc
RUN python -m ingest data/raw --out data/processed -q || [ $? -eq 3 ]

ENV SCWC_DATA_DIR=/app/data/processed SCWC_RAW_DIR=/app/data/raw BROWSER_PATH=/usr/bin/chromium
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health').read() != b'ok')"
CMD ["streamlit", "run", "app.py", "--server.port", "8501", "--server.address", "0.0.0.0", "--server.headless", "true"]
