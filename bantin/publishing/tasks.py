from django_tasks import task

from bantin.publishing.services import scheduled_publish_run


@task()
def publish_scheduled_task():
    published, expired = scheduled_publish_run()
    return {"published": published, "expired": expired}


@task()
def front_render_task(urls):
    from bantin.publishing.front import front_render

    return front_render(urls)
